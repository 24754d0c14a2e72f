/* Ateliers numériques: the front end of an atelier's page.

   The page, rendered by Voilà on the server, holds the outputs of its one cell in
   « <script type="application/vnd.voila.cell-output+json"> » and the id of its kernel in the page
   config. This module connects to that kernel, asks it for every widget's state in one message
   (manager.js), and shows the widgets in place of those scripts; connection.js tells the participant
   when the link is lost. It replaces Voilà's prebuilt front end, which loads a whole JupyterLab
   application (notebook, code editor, themes, settings) that these pages never use: about 1 MiB
   compressed on a first visit, where this is about 300 KiB. */
import { KernelConnection } from "@jupyterlab/services/lib/kernel/default";
import { getKernelModel } from "@jupyterlab/services/lib/kernel/restapi";
import { ServerConnection } from "@jupyterlab/services/lib/serverconnection";
import { Widget } from "@lumino/widgets";
import "@jupyter-widgets/controls/css/widgets.css";

import { sayDisconnected, watch } from "./connection.js";
import { PageWidgetManager } from "./manager.js";

const WIDGET_VIEW = "application/vnd.jupyter.widget-view+json";

function pageConfig() {
  const element = document.getElementById("jupyter-config-data");
  try {
    return JSON.parse(element ? element.textContent : "{}") || {};
  } catch (error) {
    return {};
  }
}

/** One cell output: a widget's view, or (never in the ateliers so far) HTML or text. */
async function showOutput(manager, script) {
  const output = JSON.parse(script.textContent);
  const data = output.data || {};
  const node = document.createElement("div");
  node.className = "jp-OutputArea-output";
  if (data[WIDGET_VIEW]) {
    const model = await manager.get_model(data[WIDGET_VIEW].model_id);
    const view = await manager.create_view(model);
    script.replaceWith(node);
    Widget.attach(view.luminoWidget, node);
    return;
  }
  if (data["text/html"] !== undefined) {
    node.innerHTML = [].concat(data["text/html"]).join("");
  } else if (data["text/plain"] !== undefined) {
    const pre = document.createElement("pre");
    pre.textContent = [].concat(data["text/plain"]).join("");
    node.appendChild(pre);
  }
  script.replaceWith(node);
}

/** Shows the page's cells once their widgets are there (Voilà's « voila_finish »). */
function showCells() {
  window.themeLoaded = true;
  if (typeof window.display_cells === "function") {
    window.display_cells();
  }
}

async function start() {
  const page = pageConfig();
  if (!page.kernelId) {
    showCells();
    return;
  }
  const serverSettings = ServerConnection.makeSettings({ baseUrl: page.baseUrl || "/" });
  const model = await getKernelModel(page.kernelId, serverSettings);
  if (!model) {  // the server no longer has this page's kernel
    sayDisconnected();
    showCells();
    return;
  }
  const kernel = new KernelConnection({ model, serverSettings });
  const manager = new PageWidgetManager(kernel);
  const lostFirst = await Promise.race([manager._loadFromKernel().then(() => false),
    watch(kernel, serverSettings).then(() => true)]);
  if (lostFirst) {  // the French message is shown; there are no widgets to show
    showCells();
    return;
  }
  const scripts = document.querySelectorAll('script[type="application/vnd.voila.cell-output+json"]');
  await Promise.all(Array.from(scripts, (script) => showOutput(manager, script).catch((error) => {
    console.error("Sortie non affichée :", error);
  })));
  showCells();
}

start().catch((error) => {
  console.error("L'atelier n'a pas pu se connecter :", error);
  sayDisconnected();
  showCells();
});
