/* Ateliers numériques: « A− / A+ », the size of the text, on every page (ateliers and landing page).
   Five sizes, 100 % to 200 %; the choice is kept in this browser only (localStorage: a number, nothing
   personal) and applied again at the next page or reload. The page is zoomed as a whole (CSS zoom):
   the text, the buttons and their targets grow together and the layout flows again in the narrower
   space, as with the browser's own zoom, so nothing is cut and nothing scrolls sideways. */
(function () {
  "use strict";
  var SIZES = [100, 125, 150, 175, 200];
  var KEY = "ateliers-taille-texte";

  function saved() {
    var value = null;
    try { value = parseInt(window.localStorage.getItem(KEY), 10); } catch (e) { value = null; }
    return SIZES.indexOf(value) >= 0 ? value : 100;
  }

  function remember(size) {
    try { window.localStorage.setItem(KEY, String(size)); } catch (e) { /* private mode: this page only */ }
  }

  var size = saved();
  var group = null, smaller = null, larger = null, status = null;

  function apply() {
    document.documentElement.setAttribute("data-taille-texte", String(size));
    if (document.body) { document.body.style.zoom = size === 100 ? "" : String(size / 100); }
    if (!group) { return; }
    smaller.disabled = size === SIZES[0];
    larger.disabled = size === SIZES[SIZES.length - 1];
    status.textContent = "Texte : " + size + " %"
      + (size === SIZES[SIZES.length - 1] ? " (le plus grand)" : size === SIZES[0] ? " (normal)" : "");
  }

  function change(step) {
    var i = SIZES.indexOf(size) + step;
    if (i < 0 || i >= SIZES.length) { return; }
    size = SIZES[i];
    remember(size);
    apply();
  }

  function makeButton(label, name, step, extraClass) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "taille-bouton " + extraClass;
    b.setAttribute("aria-label", name);
    b.textContent = label;
    b.addEventListener("click", function () { change(step); });
    return b;
  }

  function build() {
    group = document.createElement("div");
    group.className = "taille-texte";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Taille du texte");
    smaller = makeButton("A−", "A− : texte plus petit", -1, "taille-moins");
    larger = makeButton("A+", "A+ : texte plus grand", 1, "taille-plus");
    status = document.createElement("span");
    status.className = "taille-etat";
    status.setAttribute("role", "status");
    group.appendChild(smaller);
    group.appendChild(larger);
    group.appendChild(status);
    var bar = document.querySelector(".bandeau");  // an atelier's page: beside « Tous les ateliers »
    var header = document.querySelector("body > header");  // the landing page
    if (bar) {
      bar.classList.add("avec-taille");
      bar.appendChild(group);
    } else if (header) {
      header.insertBefore(group, header.firstChild);
    } else {
      document.body.insertBefore(group, document.body.firstChild);
    }
    apply();
  }

  // Another tab changed the size: follow it.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) { size = saved(); apply(); }
  });

  if (document.body) { build(); } else { document.addEventListener("DOMContentLoaded", build); }
})();
