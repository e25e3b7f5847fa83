// "Copy link" beside a read-only field: copies its value and says so. The field stays
// selectable by hand where the clipboard is not available (plain http, older browsers).
(function () {
  "use strict";
  const status = document.getElementById("copy-status");
  document.querySelectorAll("button[data-copy]").forEach((button) => {
    const field = document.getElementById(button.dataset.copy);
    if (!field) return;
    button.hidden = false;
    const label = button.textContent;
    button.addEventListener("click", () => {
      const done = (text) => {
        button.textContent = text;
        if (status) status.textContent = text;
        setTimeout(() => { button.textContent = label; }, 2000);
      };
      field.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(() => done("Copied"), () => done("Press Ctrl+C to copy"));
      } else {
        done(document.execCommand && document.execCommand("copy") ? "Copied" : "Press Ctrl+C to copy");
      }
    });
  });
})();
