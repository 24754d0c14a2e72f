(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var base = document.body.getAttribute("data-base");
  var plain = function (t) { return String(t || "").replace(/\*\*|__|`/g, ""); };
  function say(text, problem) { var m = $("message"); m.textContent = text; m.className = problem ? "message probleme" : "message"; }
  function send(path, body) {
    return fetch(base + path, { method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-Animateur": "1" }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (d) { if (!r.ok) { throw new Error(d.erreur); } return d; }); })
      .then(function (d) { say(d.message || ""); refresh(); })
      .catch(function (e) { say(e.message || "Le serveur ne répond pas.", true); });
  }
  function bars(list, total) {
    var ul = document.createElement("ul"); ul.className = "barres";
    var most = Math.max(1, Math.max.apply(null, list.map(function (b) { return b.nombre; })));
    list.forEach(function (b) {
      var li = document.createElement("li"); li.className = "barre" + (b.correct ? " barre-correcte" : "");
      var label = document.createElement("span"); label.className = "barre-libelle";
      label.textContent = (b.correct ? "✔ " : "") + b.libelle + (b.correct ? " (bonne réponse)" : "");
      var track = document.createElement("span"); track.className = "barre-piste";
      var fill = document.createElement("span"); fill.className = "barre-remplie";
      fill.style.width = Math.round(100 * b.nombre / most) + "%";
      track.appendChild(fill);
      var n = document.createElement("span"); n.className = "barre-nombre";
      n.textContent = b.nombre + (b.nombre > 1 ? " réponses" : " réponse");
      li.appendChild(label); li.appendChild(track); li.appendChild(n); ul.appendChild(li);
    });
    return ul;
  }
  var lastResults = "";
  function show(s) {
    var select = $("choix-atelier");
    if (!select.options.length) {
      s.ateliers.forEach(function (a) { var o = document.createElement("option"); o.value = a.id; o.textContent = a.titre; select.appendChild(o); });
    }
    if (!s.session) {
      $("participants").textContent = "Aucune session ouverte"; $("pretes").textContent = "";
      $("exercice-titre").textContent = "Choisissez un atelier, puis appuyez sur « Nouvelle session ».";
      $("total").textContent = ""; $("resultats").textContent = "";
      $("reveler").disabled = true; $("suivant").disabled = true;
      return;
    }
    select.value = s.session.atelier;
    $("participants").textContent = s.connectes + (s.connectes > 1 ? " participants connectés" : " participant connecté");
    $("pretes").textContent = (s.pages_pretes === undefined || s.pages_pretes === null) ? "" :
      "Pages prêtes à l'avance pour les arrivants : " + s.pages_pretes;
    $("reveler").disabled = !s.courant; $("suivant").disabled = !s.courant;
    var c = s.courant;
    if (!c) { $("exercice-titre").textContent = "Cet atelier n'a pas d'exercice en direct."; return; }
    $("exercice-titre").textContent = "Question " + c.position + " sur " + s.exercices.length + " : " + c.titre;
    $("total").textContent = c.total + (c.total > 1 ? " réponses reçues" : " réponse reçue");
    var key = JSON.stringify([c.id, c.revele, c.barres]);
    if (key === lastResults) { return; }
    lastResults = key;
    var box = $("resultats"); box.textContent = "";
    if (!c.revele) {
      var p = document.createElement("p"); p.className = "cache";
      p.textContent = "Les résultats sont cachés. Appuyez sur « Révéler » quand tout le monde a répondu.";
      box.appendChild(p); return;
    }
    box.appendChild(bars(c.barres, c.total));
    if (c.bonne_reponse) { var r = document.createElement("p"); r.className = "bonne-reponse"; r.textContent = "✔ Bonne réponse : " + c.bonne_reponse; box.appendChild(r); }
    if (c.explication) { var e = document.createElement("p"); e.className = "explication"; e.textContent = plain(c.explication); box.appendChild(e); }
  }
  var failures = 0;
  function refresh() {
    return fetch(base + "animateur/etat", { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { if (!r.ok) { throw new Error(); } return r.json(); })
      .then(function (s) { failures = 0; show(s); })
      .catch(function () { failures += 1; if (failures > 2) { say("Le serveur ne répond plus. Vérifiez que les ateliers sont lancés.", true); } });
  }
  $("reveler").addEventListener("click", function () { send("animateur/action", { action: "reveler" }); });
  $("suivant").addEventListener("click", function () { send("animateur/action", { action: "suivant" }); });
  $("nouvelle").addEventListener("click", function () {
    if (window.confirm("Commencer une nouvelle session ? Les réponses affichées seront remises à zéro.")) {
      lastResults = ""; send("animateur/action", { action: "nouvelle", atelier: $("choix-atelier").value });
    }
  });
  $("comptes").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var data = { ages: {}, statuts: {} };
    document.querySelectorAll("#comptes input").forEach(function (i) { data[i.getAttribute("data-groupe")][i.getAttribute("data-nom")] = i.value; });
    send("animateur/comptes", data);
  });
  refresh();
  var ticks = 0;
  var timer = setInterval(function () { ticks += 1; if (ticks > 200000) { clearInterval(timer); } refresh(); }, 500);
})();
