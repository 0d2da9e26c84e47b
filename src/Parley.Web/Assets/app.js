// Parley's only script: marks edited cells, and shows a busy state while a form (run, save) is being processed.
// The pages work without it.
(function () {
  "use strict";
  document.addEventListener("input", function (e) {
    var t = e.target;
    if (t && t.dataset && t.dataset.original !== undefined) {
      t.classList.toggle("changed", t.value !== t.dataset.original);
    }
  });
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form || form.dataset.busy === undefined) { return; }
    form.setAttribute("aria-busy", "true");
    var status = form.querySelector("[role=status]");
    if (status) { status.textContent = form.dataset.busy; }
    // Disable after the submit has captured the clicked button's name/value.
    setTimeout(function () {
      form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    }, 0);
  });
})();
