/* Ateliers numériques: « Écouter » / « Arrêter » on every step, read by the participant's own device.

   - The speech synthesis of the browser (window.speechSynthesis) with a French voice installed on the
     device (localService): nothing is sent anywhere, it works without Internet. A device without one
     says so in French. Slightly slow (RATE).
   - Read: the step's title, then what the step shows, in the order of the page (its text, the
     question, the options in the order this participant sees them, the explanation after an answer),
     each block on its own. Controls that are not content (« Suivant », this bar) are not read, nor what
     the participant typed in a field.
   - After an answer, « Écouter la réponse » under the explanation reads the explanation alone.
   - Where the content says what to read instead of a text (« prononciation » in atelier.yaml, put in
     the page by the kernel as hidden data-ecrit / data-dire pairs), that is what is said.
   Steps change without reloading the page: a MutationObserver adds the buttons, and stops the reading
   when another step shows. */
(function () {
  "use strict";
  var RATE = 0.9;
  var LANG = "fr-FR";
  var MAX_CHUNK = 220;  // long blocks are said sentence by sentence (some engines stop after ~15 s)
  var NO_ENGINE = "Ce navigateur ne sait pas lire le texte à voix haute. Essayez avec un autre navigateur, "
    + "ou demandez à l'animateur.";
  var NO_VOICE = "Cet appareil n'a pas de voix française pour lire le texte. On peut en ajouter dans ses "
    + "réglages (« synthèse vocale » ou « voix »). Demandez à l'animateur.";
  var FAILED = "La lecture ne s'est pas faite sur cet appareil. Réessayez, ou demandez à l'animateur.";
  //: Signs drawn for the eyes, not words: never spoken.
  var SIGNS = /[✔✖◐ℹ⚠→←↑↓•·▶◀★☆✓✗]/g;

  var engine = window.speechSynthesis || null;
  var reading = null;  // {button, utterances, bar}
  var lastStep = null;

  // -- voices --------------------------------------------------------------------------------
  function frenchVoice() {
    var voices = [];
    try { voices = engine.getVoices() || []; } catch (e) { voices = []; }
    var french = voices.filter(function (v) {
      return /^fr([-_]|$)/i.test(v.lang || "") && v.localService !== false;  // on the device only
    });
    var best = french.filter(function (v) { return /^fr[-_]FR$/i.test(v.lang); });
    return (best.length ? best : french)[0] || null;
  }

  function whenVoicesKnown(callback) {
    var done = false;
    function finish() { if (!done) { done = true; callback(frenchVoice()); } }
    if (frenchVoice()) { finish(); return; }
    // Voices arrive after a while in some browsers (Chrome): wait for them a moment.
    try { engine.addEventListener("voiceschanged", finish, { once: true }); } catch (e) { /* old engine */ }
    window.setTimeout(finish, 1500);
  }

  // -- what the step shows, as text to say ----------------------------------------------------
  function hidden(el) {
    if (el.hidden || el.getAttribute("aria-hidden") === "true") { return true; }
    if (el.classList.contains("lecture-barre") || el.classList.contains("lecture-retour")
        || el.classList.contains("atelier-prononciation")) { return true; }
    var style = window.getComputedStyle(el);
    return style.display === "none" || style.visibility === "hidden";
  }

  function collect(root, chunks) {
    var current = "";
    function flush() {
      if (current.trim()) { chunks.push(current); }
      current = "";
    }
    function walk(node) {
      if (node.nodeType === 3) { current += node.nodeValue; return; }
      if (node.nodeType !== 1 || hidden(node)) { return; }
      var tag = node.tagName.toUpperCase();
      if (node.hasAttribute("data-dire")) { flush(); chunks.push(node.getAttribute("data-dire")); return; }
      if (tag === "IMG") { if (node.alt) { flush(); chunks.push("Image : " + node.alt); } return; }
      if (tag === "SVG") {
        if (node.getAttribute("role") === "img" && node.getAttribute("aria-label")) {
          flush(); chunks.push(node.getAttribute("aria-label"));
        }
        return;
      }
      if (/^(INPUT|TEXTAREA|SELECT|OPTION|PROGRESS|SCRIPT|STYLE|TEMPLATE|NOSCRIPT)$/.test(tag)) { return; }
      var block = tag === "BUTTON" || tag === "BR" || !/^inline/.test(window.getComputedStyle(node).display);
      if (block) { flush(); }
      for (var child = node.firstChild; child; child = child.nextSibling) { walk(child); }
      if (block) { flush(); }
    }
    walk(root);
    flush();
    return chunks;
  }

  function sayings(step) {
    var pairs = [];
    step.querySelectorAll(".atelier-prononciation [data-ecrit]").forEach(function (el) {
      var written = clean(el.getAttribute("data-ecrit") || "");
      if (written) { pairs.push([written, el.getAttribute("data-dire") || ""]); }
    });
    pairs.sort(function (a, b) { return b[0].length - a[0].length; });  // the longest first
    return pairs;
  }

  function clean(text) {
    return text.replace(SIGNS, " ").replace(/[\s\u00a0\u202f]+/g, " ").trim();
  }

  function split(text) {
    if (text.length <= MAX_CHUNK) { return [text]; }
    var parts = text.match(/[^.!?…:;]+[.!?…:;]*\s*/g) || [text];
    var out = [], part = "";
    parts.forEach(function (p) {
      if (part && (part + p).length > MAX_CHUNK) { out.push(part.trim()); part = ""; }
      part += p;
    });
    if (part.trim()) { out.push(part.trim()); }
    return out;
  }

  function textsOf(roots, step) {
    var chunks = [];
    roots.forEach(function (root) { if (root) { collect(root, chunks); } });
    var pairs = sayings(step);
    var out = [];
    chunks.forEach(function (chunk) {
      var text = clean(chunk);
      pairs.forEach(function (pair) { text = text.split(pair[0]).join(pair[1]); });
      text = clean(text);
      if (/[0-9A-Za-zÀ-ÿ]/.test(text)) { split(text).forEach(function (t) { out.push(t); }); }
    });
    return out;
  }

  // -- reading ------------------------------------------------------------------------------
  function setState(bar, message, busy) {
    var status = bar && bar.querySelector(".lecture-etat");
    if (status) { status.textContent = message; }
    document.querySelectorAll(".lecture-arreter").forEach(function (b) { b.disabled = !busy; });
  }

  function release(message) {
    if (!reading) { return; }
    reading.button.setAttribute("aria-pressed", "false");
    setState(reading.bar, message, false);
    reading = null;
  }

  function stop(message) {
    if (!reading) { return; }
    var current = reading;
    release(message === undefined ? "Lecture arrêtée." : message);
    current.stopped = true;
    try { engine.cancel(); } catch (e) { /* nothing to stop */ }
  }

  function start(button, bar, texts) {
    if (reading) {
      var same = reading.button === button;
      stop();
      if (same) { return; }  // « Écouter » pressed while it reads: it stops
    }
    if (!engine || typeof window.SpeechSynthesisUtterance !== "function") { setState(bar, NO_ENGINE, false); return; }
    if (!texts.length) { setState(bar, "Il n'y a rien à lire sur cette étape.", false); return; }
    var current = { button: button, bar: bar, stopped: false };
    reading = current;
    button.setAttribute("aria-pressed", "true");
    setState(bar, "Préparation de la lecture…", true);
    whenVoicesKnown(function (voice) {
      if (current.stopped || reading !== current) { return; }
      if (!voice) { release(NO_VOICE); return; }
      try { engine.cancel(); } catch (e) { /* nothing queued */ }
      setState(bar, "Lecture en cours…", true);
      texts.forEach(function (text, index) {
        var u = new window.SpeechSynthesisUtterance(text);
        u.lang = LANG;
        u.voice = voice;
        u.rate = RATE;
        u.onerror = function (event) {
          var why = event && event.error;
          if (current.stopped || why === "interrupted" || why === "canceled") { return; }
          if (reading === current) { current.stopped = true; release(FAILED); }
        };
        if (index === texts.length - 1) {
          u.onend = function () { if (reading === current) { release("Lecture terminée."); } };
        }
        engine.speak(u);
      });
    });
  }

  // -- the buttons ----------------------------------------------------------------------------
  function makeButton(label, icon, className, name) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "lecture-bouton " + className + " icone-" + icon;
    var mark = document.createElement("span");
    mark.className = "lecture-icone";
    mark.setAttribute("aria-hidden", "true");
    b.appendChild(mark);
    b.appendChild(document.createTextNode(label));
    if (name) { b.setAttribute("aria-label", name); }
    return b;
  }

  function stepParts(path) {
    return {
      title: path.querySelector(".atelier-parcours-entete .etape-titre"),
      body: path.querySelector(".atelier-parcours-corps"),
    };
  }

  function addStepBar(path) {
    var header = path.querySelector(".atelier-parcours-entete");
    if (!header || path.querySelector(":scope > .lecture-barre")) { return; }
    var bar = document.createElement("div");
    bar.className = "lecture-barre";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Lecture à voix haute");
    var listen = makeButton("Écouter", "haut-parleur", "lecture-ecouter", "Écouter cette étape");
    listen.setAttribute("aria-pressed", "false");
    var halt = makeButton("Arrêter", "arret", "lecture-arreter", "Arrêter la lecture");
    halt.disabled = !reading;
    var status = document.createElement("p");
    status.className = "lecture-etat";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    bar.appendChild(listen);
    bar.appendChild(halt);
    bar.appendChild(status);
    listen.addEventListener("click", function () {
      var parts = stepParts(path);
      start(listen, bar, textsOf([parts.title, parts.body], path));
    });
    halt.addEventListener("click", function () { stop(); });
    header.parentNode.insertBefore(bar, header.nextSibling);
  }

  function addAnswerBars(path) {
    path.querySelectorAll(".atelier-parcours-corps .atelier-retour").forEach(function (feedback) {
      var next = feedback.nextElementSibling;
      var bar = next && next.classList.contains("lecture-retour") ? next : null;
      var empty = !feedback.textContent.trim();
      if (!bar) {
        if (empty) { return; }
        bar = document.createElement("div");
        bar.className = "lecture-retour";
        var listen = makeButton("Écouter la réponse", "haut-parleur", "lecture-ecouter-retour", "");
        listen.setAttribute("aria-pressed", "false");
        var status = document.createElement("p");
        status.className = "lecture-etat";
        status.setAttribute("role", "status");
        status.setAttribute("aria-live", "polite");
        bar.appendChild(listen);
        bar.appendChild(status);
        listen.addEventListener("click", function () { start(listen, bar, textsOf([feedback], path)); });
        feedback.parentNode.insertBefore(bar, feedback.nextSibling);
      }
      bar.hidden = empty;
    });
  }

  function enhance() {
    document.querySelectorAll(".atelier-parcours").forEach(function (path) {
      addStepBar(path);
      addAnswerBars(path);
      var title = path.querySelector(".etape-numero");
      var now = title ? title.textContent : null;
      if (now !== lastStep) {
        if (lastStep !== null) {  // another step: its reading is over, the bar starts afresh
          stop("");
          setState(path.querySelector(".lecture-barre"), "", false);
        }
        lastStep = now;
      }
    });
  }

  var queued = false;
  var observer = new MutationObserver(function () {
    if (queued) { return; }
    queued = true;
    window.setTimeout(function () { queued = false; enhance(); }, 30);
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  window.addEventListener("pagehide", function () { if (reading) { stop(""); } });
  enhance();
})();
