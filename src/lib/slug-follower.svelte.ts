// A new page's address follows its title until the officer writes one: the
// consultation and event forms share this.
import { untrack } from 'svelte';
import { slugFromTitle } from './slug';

/**
 * The title and slug fields, bound to `title` and `slug`: typing a title
 * proposes the slug until one is written; an emptied slug follows again.
 * They start from, and return to, the values the page shows (`shown`).
 */
export function slugFollowingTitle(shown: () => { title: string; slug: string }) {
	let title = $state(shown().title);
	let slug = $state(shown().slug);
	let written = $state(Boolean(shown().slug));
	$effect.pre(() => {
		const { title: t, slug: s } = shown();
		untrack(() => {
			title = t;
			slug = s;
			written = Boolean(s);
		});
	});
	return {
		get title() {
			return title;
		},
		set title(value: string) {
			title = value;
			if (!written) slug = slugFromTitle(value);
		},
		get slug() {
			return slug;
		},
		set slug(value: string) {
			slug = value;
			written = value !== '';
		}
	};
}
