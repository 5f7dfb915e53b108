/* site.js — small enhancements only; every page works without it.
 * Focus the error summary of a form that came back with errors, so keyboard and screen-reader
 * users land on it. */
document.addEventListener('DOMContentLoaded', function () {
	var s = document.querySelector('.error-summary');
	if (s) s.focus();
});
