#!/usr/bin/env bash
# The type check, the formatting check and the lint, side by side.
exec bash "$(dirname "$0")/side-by-side.sh" \
	'svelte-check' 'npm run --silent check' \
	'prettier' 'npx prettier --check .' \
	'eslint' 'npx eslint .'
