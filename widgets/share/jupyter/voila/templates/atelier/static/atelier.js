/* Ateliers numériques: accessibility that ipywidgets cannot express (ipywidgets#2650).
   - feedback regions become polite live regions (they exist, empty, before they change);
   - toggle buttons say whether they are pressed;
   - after « Suivant » / « Précédent », focus goes to the new step's title and the page scrolls to it. */
(function () {
  "use strict";
  var moved = false;
  function enhance(root) {
    root.querySelectorAll(".atelier-retour:not([aria-live])").forEach(function (el) {
      el.setAttribute("role", "status");
      el.setAttribute("aria-live", "polite");
    });
    root.querySelectorAll("button.atelier-bascule").forEach(function (el) {
      var pressed = el.classList.contains("mod-active") ? "true" : "false";
      if (el.getAttribute("aria-pressed") !== pressed) { el.setAttribute("aria-pressed", pressed); }
    });
    var cells = document.getElementById("rendered_cells");
    if (cells && !cells.getAttribute("role")) { cells.setAttribute("role", "main"); }
    if (moved) {
      var title = root.querySelector(".etape-titre");
      if (title) {
        moved = false;
        title.scrollIntoView({ block: "start" });
        title.focus({ preventScroll: true });
      }
    }
  }
  document.addEventListener("click", function (event) {
    var b = event.target.closest && event.target.closest(".atelier-suivant, .atelier-precedent");
    if (b) { moved = true; }
  }, true);
  var observer = new MutationObserver(function () { enhance(document); });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });
  enhance(document);
})();
