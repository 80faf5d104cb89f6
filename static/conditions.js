// Shows a conditional question only when the earlier answer it depends on is
// chosen, numbers the questions shown (Q1, Q2, never Q1, Q3), and unticks
// the others when an exclusive answer is ticked (and back). Without
// this script every question is shown with its « Répondez si… » note, and the
// server ignores answers to questions that do not apply.
(() => {
	const form = document.querySelector('form[data-conditions]');
	if (!form) return;
	const all = [...form.querySelectorAll('[data-question]')];
	const toggled = all.filter((q) => q.dataset.conditionQuestion);
	const numberOf = (question) => question.querySelector('.question-number');
	const update = () => {
		const values = new FormData(form);
		for (const question of toggled) {
			const source = `q${question.dataset.conditionQuestion}`;
			const wanted = question.dataset.conditionOptions.split(' ');
			const chosen = values.getAll(source).map(String);
			question.hidden = !chosen.some((value) => wanted.includes(value));
		}
		const shown = new Map();
		let hiddenBefore = 0;
		for (const question of all) {
			const number = numberOf(question);
			if (!number) continue;
			if (question.hidden) {
				hiddenBefore++;
				continue;
			}
			const n = Number(number.dataset.number) - hiddenBefore;
			shown.set(question.dataset.question, { from: number.dataset.number, to: n });
			number.textContent = `Q${n}.`;
		}
		for (const note of form.querySelectorAll('[data-condition-source]')) {
			const source = shown.get(note.dataset.conditionSource);
			if (!source) continue;
			note.dataset.text ??= note.textContent;
			note.textContent = note.dataset.text.replace(`Q${source.from}.`, `Q${source.to}.`);
		}
	};
	// « Aucune de ces situations » and the other answers of its question exclude each other.
	const exclusive = (event) => {
		const box = event.target;
		if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox' || !box.checked) return;
		const group = form.querySelectorAll(`input[type="checkbox"][name="${box.name}"]`);
		const only = [...group].find((input) => input.hasAttribute('data-exclusive'));
		if (!only) return;
		for (const input of group)
			if (input !== box && (box === only || input === only)) input.checked = false;
	};
	form.addEventListener('change', (event) => {
		exclusive(event);
		update();
	});
	update();
})();
