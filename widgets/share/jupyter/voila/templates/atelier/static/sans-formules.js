/* The ateliers show no mathematical formula. Voilà's front end would download MathJax 3 (about
   210 KiB compressed, 16 files) the first time a widget's text is shown, only to look for formulas
   between « $ » signs (and turn « 35 $ ou 40 $ » into a formula). The server names this file as
   Voilà's MathJax 2 address (AtelierServer.init_settings): it answers MathJax 2's few calls and does nothing. */
(function () {
  "use strict";
  function nothing() {}
  window.MathJax = {
    Hub: { Config: nothing, Configured: nothing, Queue: nothing, Register: { StartupHook: nothing } },
    Ajax: {},
    InputJax: { TeX: { resetEquationNumbers: nothing } }
  };
})();
