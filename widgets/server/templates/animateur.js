(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var base = document.body.getAttribute("data-base");
  var state = null;
  function plain(t) { return String(t || "").replace(/\*\*|__|`/g, ""); }
  function textOf(html) {  // the question's words, never its markup (DOMParser runs no script)
    return new DOMParser().parseFromString(String(html || ""), "text/html").body.textContent.replace(/\s+/g, " ").trim();
  }
  function plural(n, one, many) { return n + " " + (n > 1 ? many : one); }
  function say(text, problem) { var m = $("message"); m.textContent = text; m.className = problem ? "message probleme" : "message"; }

  // -- the join panel: big while the room arrives, then a corner QR code -------------------------
  function foldKey() { return state && state.session ? "qr-replie-" + state.session.id : ""; }
  function setFolded(folded, remember) {
    $("tableau").classList.toggle("qr-replie", folded);
    $("montrer-qr").setAttribute("aria-expanded", String(!folded));
    $("montrer-qr").textContent = folded ? "Agrandir le QR code" : "Réduire le QR code";
    if (remember) {
      try { if (foldKey()) { sessionStorage.setItem(foldKey(), folded ? "1" : "0"); } } catch (e) { /* private mode */ }
    }
    fit();
  }
  function toggleFolded() { setFolded(!$("tableau").classList.contains("qr-replie"), true); }
  function remembered() {
    try { return foldKey() ? sessionStorage.getItem(foldKey()) : null; } catch (e) { return null; }
  }
  function foldOnce() { if (remembered() === null) { setFolded(true, true); } }

  // -- the session panel: shown when no session is open, behind « Session » otherwise ------------
  function showSession(open) {
    $("session").classList.toggle("ouverte", open);
    $("montrer-session").setAttribute("aria-expanded", String(open));
    if (open) { $("choix-atelier").focus(); }
    else if ($("session").contains(document.activeElement)) { document.activeElement.blur(); }
    fit();
  }

  // -- actions: the same protected requests for the buttons and the keys ---------------------------
  function send(path, body) {
    return fetch(base + path, { method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-Animateur": "1" }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (d) { if (!r.ok) { throw new Error(d.erreur); } return d; }); })
      .then(function (d) { say(d.message || ""); if (!live) { refresh(); } })
      .catch(function (e) { say(e.message || "Le serveur ne répond pas.", true); });
  }
  function act(action) {
    if (!state || !state.session) { say("Aucune session n'est ouverte : choisissez un atelier, puis « Nouvelle session ».", true); return; }
    if (action === "reveler" && !canReveal(state)) { return; }
    if (action === "precedent" && state.courant && state.courant.position <= 1) { return; }
    if (action === "suivant" && state.fin) { return; }
    foldOnce();
    send("animateur/action", { action: action });
  }

  function canReveal(s) {  // the current question, or at the end the room's before/after check
    var check = s.fin && s.fin.verification;
    return check ? !check.revele : !!s.courant && !s.courant.revele;
  }

  // -- what the board shows -------------------------------------------------------------------------
  function bars(list, total) {
    var ul = document.createElement("ul"); ul.className = "barres";
    list.forEach(function (b) {
      var li = document.createElement("li"); li.className = "barre" + (b.correct ? " barre-correcte" : "");
      var label = document.createElement("span"); label.className = "barre-libelle";
      var fill = document.createElement("span"); fill.className = "barre-remplie"; fill.setAttribute("aria-hidden", "true");
      fill.style.width = (total ? Math.round(100 * b.nombre / total) : 0) + "%";
      var words = document.createElement("span"); words.className = "barre-texte";
      words.textContent = (b.correct ? "✔ " : "") + b.libelle;
      label.appendChild(fill); label.appendChild(words);
      if (b.correct) { var tag = document.createElement("span"); tag.className = "invisible"; tag.textContent = " (bonne réponse)"; words.appendChild(tag); }
      var n = document.createElement("span"); n.className = "barre-nombre"; n.textContent = String(b.nombre);
      var unit = document.createElement("span"); unit.className = "invisible"; unit.textContent = b.nombre > 1 ? " réponses" : " réponse";
      n.appendChild(unit);
      li.appendChild(label); li.appendChild(n); ul.appendChild(li);
    });
    return ul;
  }
  function summary(end, box) {
    if (end.verification && end.verification.revele) { progress(end.verification, box); return; }  // fits the screen alone
    var p = document.createElement("p"); p.className = "resume-total";
    p.textContent = end.repondants ? plural(end.repondants, "participant a répondu", "participants ont répondu") + " aux questions en direct."
      : "Personne n'a répondu aux questions en direct.";
    box.appendChild(p);
    var table = document.createElement("table"); table.className = "resume";
    var head = table.createTHead().insertRow();
    ["Question", "Réponses", "Bonnes réponses"].forEach(function (t) { var th = document.createElement("th"); th.scope = "col"; th.textContent = t; head.appendChild(th); });
    var body = table.createTBody();
    end.exercices.forEach(function (e, i) {
      var row = body.insertRow();
      var th = document.createElement("th"); th.scope = "row"; th.textContent = (i + 1) + ". " + e.titre; row.appendChild(th);
      row.insertCell().textContent = String(e.total);
      row.insertCell().textContent = e.justes === null ? "—" : e.justes + " %";
    });
    box.appendChild(table);
    if (end.verification) { progress(end.verification, box); }
  }
  function progress(check, box) {  // the room's before/after check: who did both, then (revealed) per skill
    var who = check.les_deux ? plural(check.les_deux, "participant a fait", "participants ont fait") + " la vérification du début et celle de la fin."
      : "Personne n'a encore fait les deux vérifications (début et fin).";
    if (!check.revele) {  // one line under the summary: the screen keeps its size
      var p = document.createElement("p"); p.className = "cache";
      p.textContent = "Ce que la salle a appris : " + who + " Appuyez sur « Révéler » (ou Espace) pour le montrer.";
      box.appendChild(p); return;
    }
    var line = document.createElement("p"); line.className = "resume-total"; line.textContent = who;
    box.appendChild(line);
    var pct = function (v) { return v === null ? "—" : v + " %"; };
    var table = document.createElement("table"); table.className = "resume resume-progres";
    var head = table.createTHead().insertRow();
    ["Compétence (bonnes réponses)", "Au début", "À la fin"].forEach(function (t) { var th = document.createElement("th"); th.scope = "col"; th.textContent = t; head.appendChild(th); });
    var body = table.createTBody();
    check.items.forEach(function (e) {
      var row = body.insertRow();
      var th = document.createElement("th"); th.scope = "row"; th.textContent = e.competence; row.appendChild(th);
      row.insertCell().textContent = pct(e.part_avant);
      row.insertCell().textContent = pct(e.part_apres);
    });
    var all = body.insertRow(); all.className = "resume-ensemble";
    var th = document.createElement("th"); th.scope = "row"; th.textContent = "Ensemble"; all.appendChild(th);
    all.insertCell().textContent = pct(check.part_avant);
    all.insertCell().textContent = pct(check.part_apres);
    box.appendChild(table);
  }
  var lastResults = "", openSession;
  function show(s) {
    state = s;
    var select = $("choix-atelier");
    if (!select.options.length) {
      s.ateliers.forEach(function (a) { var o = document.createElement("option"); o.value = a.id; o.textContent = a.titre; select.appendChild(o); });
    }
    var noSession = !s.session;
    $("montrer-session").hidden = noSession; $("montrer-qr").hidden = noSession;
    if (noSession) { $("session").classList.add("ouverte"); }
    else if (!openSession || openSession !== s.session.id) {  // a session just opened: the room comes first
      if (openSession !== undefined) { showSession(false); }
    }
    openSession = noSession ? null : s.session.id;
    $("precedent").disabled = noSession || (!!s.courant && s.courant.position <= 1);
    $("suivant").disabled = noSession || !!s.fin;
    $("reveler").disabled = noSession || !canReveal(s);
    if (noSession) {
      $("atelier-nom").textContent = "Résultats en direct";
      $("participants").textContent = "Aucune session ouverte"; $("pretes").textContent = "";
      $("position").textContent = "";
      $("exercice-titre").textContent = "Choisissez un atelier, puis appuyez sur « Nouvelle session ».";
      $("total").textContent = ""; $("resultats").textContent = ""; lastResults = "";
      fit(); return;
    }
    var title = (s.ateliers.filter(function (a) { return a.id === s.session.atelier; })[0] || {}).titre || s.session.atelier;
    $("atelier-nom").textContent = title;
    if (document.activeElement !== select) { select.value = s.session.atelier; }
    var who = $("participants"); who.textContent = "";
    var big = document.createElement("span"); big.className = "connectes-nombre"; big.textContent = String(s.connectes);
    var unit = document.createElement("span"); unit.className = "connectes-unite"; unit.textContent = s.connectes > 1 ? " participants connectés" : " participant connecté";
    who.appendChild(big); who.appendChild(unit);
    var ready = s.pages_pretes;
    $("pretes").textContent = ready ? "Pages prêtes : " + ready.pretes + " / " + ready.voulues : "";
    $("pretes").className = ready && ready.avertissement ? "pretes probleme" : "pretes";
    $("pretes").title = ready && ready.avertissement ? ready.avertissement : "";
    if (remembered() === null && (s.fin || (s.courant && s.courant.total > 0))) { foldOnce(); }
    else { setFolded(remembered() === "1", false); }
    var box = $("resultats");
    if (s.fin) {
      $("position").textContent = "Fin des exercices en direct";
      var learnt = s.fin.verification && s.fin.verification.revele;  // the room's before/after, revealed
      $("exercice-titre").textContent = learnt ? "Merci à tous ! Ce que la salle a appris :" : "Merci à tous ! Voici le résumé de la session.";
      $("total").textContent = "";
      var endKey = JSON.stringify(s.fin);
      if (endKey !== lastResults) { lastResults = endKey; box.textContent = ""; summary(s.fin, box); }
      fit(); return;
    }
    var c = s.courant;
    if (!c) {
      $("position").textContent = ""; $("exercice-titre").textContent = "Cet atelier n'a pas d'exercice en direct.";
      $("total").textContent = ""; box.textContent = ""; fit(); return;
    }
    $("position").textContent = "Question " + c.position + " sur " + s.exercices.length + " · " + c.titre;
    $("exercice-titre").textContent = textOf(c.question) || c.titre;
    $("total").textContent = c.total + (c.total > 1 ? " réponses reçues" : " réponse reçue");
    var key = JSON.stringify([c.id, c.revele, c.barres, c.total]);
    if (key !== lastResults) {
      lastResults = key; box.textContent = "";
      if (!c.revele) {
        var p = document.createElement("p"); p.className = "cache";
        p.textContent = "Les résultats sont cachés. Appuyez sur « Révéler » (ou Espace) quand tout le monde a répondu.";
        box.appendChild(p);
      } else {
        box.appendChild(bars(c.barres, c.total));
        var right = document.createElement("p"); right.className = "bonne-reponse";
        right.textContent = c.bonne_reponse ? "✔ Bonne réponse : " + c.bonne_reponse : "";
        if (c.bonne_reponse) { box.appendChild(right); }
        if (c.explication) { var e = document.createElement("p"); e.className = "explication"; e.textContent = plain(c.explication); box.appendChild(e); }
      }
    }
    fit();
  }

  // -- one exercise fills the screen: the biggest text that fits, never under the floor -------------
  // (the last one shrinks first: the end summary's tables, then the explanation, the bars, the question)
  var SIZES = [["--taille-question", 60, 40], ["--taille-barre", 44, 32], ["--taille-explication", 30, 20],
               ["--taille-resume", 28, 20]];
  function overflows() { return document.documentElement.scrollHeight > window.innerHeight + 1; }
  function fit() {
    var root = document.documentElement.style;
    SIZES.forEach(function (s) { root.setProperty(s[0], s[1] + "px"); });
    for (var i = SIZES.length - 1; i >= 0 && overflows(); i -= 1) {
      for (var size = SIZES[i][1] - 2; size >= SIZES[i][2] && overflows(); size -= 2) { root.setProperty(SIZES[i][0], size + "px"); }
    }
  }
  window.addEventListener("resize", fit);

  // -- the state: pushed by the server at each change; asked every 0.5 s (as before) only if the push is cut
  var failures = 0, live = false, polling = null, feed = null;
  function refresh() {
    return fetch(base + "animateur/etat", { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { if (!r.ok) { throw new Error(); } return r.json(); })
      .then(function (s) { failures = 0; show(s); })
      .catch(function () { failures += 1; if (failures > 2) { say("Le serveur ne répond plus. Vérifiez que les ateliers sont lancés.", true); } });
  }
  function startPolling() { if (!polling) { polling = setInterval(refresh, 500); } }
  if (window.EventSource) {
    feed = new EventSource(base + "animateur/flux", { withCredentials: true });
    feed.onmessage = function (ev) {
      live = true; failures = 0;
      if (polling) { clearInterval(polling); polling = null; }
      try { show(JSON.parse(ev.data)); } catch (e) { /* a cut message: the next one is whole */ }
    };
    feed.onerror = function () { live = false; startPolling(); };
  } else {
    refresh(); startPolling();
  }

  // -- buttons -------------------------------------------------------------------------------------
  function button(id, run) { $(id).addEventListener("click", function () { run(); }); }
  document.addEventListener("click", function (ev) {  // after a mouse click, the remote's keys drive the board
    var b = ev.target && ev.target.closest ? ev.target.closest("button") : null;
    if (b && ev.detail > 0) { b.blur(); }
  });
  button("reveler", function () { act("reveler"); });
  button("suivant", function () { act("suivant"); });
  button("precedent", function () { act("precedent"); });
  button("montrer-qr", toggleFolded);
  button("montrer-session", function () { showSession(!$("session").classList.contains("ouverte")); });
  function fullScreen() {
    if (document.fullscreenElement) { document.exitFullscreen(); return; }
    var asked = document.documentElement.requestFullscreen ? document.documentElement.requestFullscreen() : null;
    if (asked && asked.catch) { asked.catch(function () { say("Le plein écran n'est pas disponible : appuyez sur F11.", true); }); }
  }
  button("plein-ecran", fullScreen);
  document.addEventListener("fullscreenchange", function () {
    $("plein-ecran").textContent = document.fullscreenElement ? "Quitter le plein écran" : "Plein écran";
  });
  $("nouvelle").addEventListener("click", function () {
    if (state && state.session && !window.confirm("Commencer une nouvelle session ? Les réponses affichées seront remises à zéro.")) { return; }
    lastResults = "";
    send("animateur/action", { action: "nouvelle", atelier: $("choix-atelier").value, attendus: $("attendus").value })
      .then(function () { if (state && state.session) { showSession(false); } });
  });
  $("comptes").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var data = { ages: {}, statuts: {} };
    document.querySelectorAll("#comptes input").forEach(function (i) { data[i.getAttribute("data-groupe")][i.getAttribute("data-nom")] = i.value; });
    send("animateur/comptes", data);
  });

  // -- presenter remote and keyboard: never while the conseiller types in a field -------------------
  var KEYS = { " ": "reveler", "Spacebar": "reveler", "Enter": "reveler", "ArrowRight": "suivant", "PageDown": "suivant",
               "ArrowLeft": "precedent", "PageUp": "precedent" };
  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if (ev.ctrlKey || ev.altKey || ev.metaKey || ev.isComposing) { return; }
    if (t && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName))) { return; }
    if (t && /^(BUTTON|SUMMARY|A)$/.test(t.tagName) && (ev.key === " " || ev.key === "Enter")) { return; }  // the focused control's own action
    var key = ev.key.length === 1 ? ev.key.toLowerCase() : ev.key;
    if (KEYS[key]) { ev.preventDefault(); act(KEYS[key]); }
    else if (key === "f") { ev.preventDefault(); fullScreen(); }
    else if (key === "q" && state && state.session) { ev.preventDefault(); toggleFolded(); }
  });
})();
