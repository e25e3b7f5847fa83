// A teacher's preview of a set: the questions can be tried, but Enter in a text answer must
// not submit (and reload) the page. A script, since the page's policy allows no inline handlers.
document.querySelectorAll(".preview-form").forEach((form) => {
  form.addEventListener("submit", (event) => event.preventDefault());
});
