// "Copy link" beside a read-only field: copies its value and says so. The field stays
// selectable by hand where the clipboard is not available (plain http, older browsers).
// What it says comes from the button, in the page's language: data-copied, data-copy-failed.
(function () {
  "use strict";
  const status = document.getElementById("copy-status");
  document.querySelectorAll("button[data-copy]").forEach((button) => {
    const field = document.getElementById(button.dataset.copy);
    if (!field) return;
    button.hidden = false;
    const label = button.textContent;
    const copied = button.dataset.copied || label;
    const failed = button.dataset.copyFailed || label;
    button.addEventListener("click", () => {
      const done = (text) => {
        button.textContent = text;
        if (status) status.textContent = text;
        setTimeout(() => { button.textContent = label; }, 2000);
      };
      field.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(() => done(copied), () => done(failed));
      } else {
        done(document.execCommand && document.execCommand("copy") ? copied : failed);
      }
    });
  });
})();
