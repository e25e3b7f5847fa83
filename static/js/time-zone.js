// The browser's IANA zone: it fills a sign-up form's hidden time_zone field, and on the account
// page it is offered first in the zone list (and picked when the account never chose a zone).
// The server checks whatever arrives.
(function () {
  "use strict";
  let zone = "";
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (error) {
    zone = "";
  }
  if (!zone) {
    return;
  }
  document.querySelectorAll("input[name='time_zone'][type='hidden']").forEach(function (input) {
    if (!input.value) {
      input.value = zone;
    }
  });
  document.querySelectorAll("select[data-device-zone]").forEach(function (select) {
    // Only a zone the list has: an old alias a browser may report is not one the server takes.
    const listed = Array.from(select.options).some(function (option) {
      return option.value === zone;
    });
    if (!listed) {
      return;
    }
    const group = document.createElement("optgroup");
    group.label = select.dataset.deviceLabel || zone;
    group.appendChild(new Option(zone.replace(/_/g, " "), zone));
    select.insertBefore(group, select.firstChild);
    if (select.dataset.deviceZone === "choose") {
      select.value = zone;
    }
  });
})();
