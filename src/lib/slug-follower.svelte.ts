// A new page's address follows its title until the officer writes one: the
// consultation and event forms share this.
import { untrack } from 'svelte';
import { fromStore, type Writable } from 'svelte/store';
import { slugFromTitle } from './slug';

export function slugFollowingTitle<T extends { title: string; slug: string }>(form: Writable<T>) {
	const current = fromStore(form);
	let written = $state(Boolean(current.current.slug));
	// Only the title drives it: typing in the slug field must not re-run it.
	const title = $derived(current.current.title ?? '');
	$effect(() => {
		const proposed = slugFromTitle(title);
		untrack(() => {
			if (!written && current.current.slug !== proposed)
				form.update((values) => ({ ...values, slug: proposed }));
		});
	});
	return {
		/** The slug field's input handler: an emptied field follows the title again. */
		onSlugInput: (event: Event & { currentTarget: HTMLInputElement }) => {
			written = event.currentTarget.value !== '';
		}
	};
}
