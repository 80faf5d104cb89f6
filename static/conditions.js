// Shows a conditional question only when the earlier answer it depends on is
// chosen. Without this script every question is shown with its « Répondez
// si… » note, and the server ignores answers to questions that do not apply.
(() => {
	const form = document.querySelector('form[data-conditions]');
	if (!form) return;
	const questions = [...form.querySelectorAll('[data-condition-question]')];
	const update = () => {
		const values = new FormData(form);
		for (const question of questions) {
			const source = `q${question.dataset.conditionQuestion}`;
			const wanted = question.dataset.conditionOptions.split(' ');
			const chosen = values.getAll(source).map(String);
			question.hidden = !chosen.some((value) => wanted.includes(value));
		}
	};
	form.addEventListener('change', update);
	update();
})();
