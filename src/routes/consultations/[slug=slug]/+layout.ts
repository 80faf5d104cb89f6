// The questionnaire pages ship no framework JavaScript: forms are plain HTML
// posts, and /conditions.js (about 1 kB) only shows or hides conditional questions.
export const csr = false;
