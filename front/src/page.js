/* Ateliers numériques: the front end of an atelier's page.

   The page, rendered by Voilà on the server, holds the outputs of its one cell in
   « <script type="application/vnd.voila.cell-output+json"> » and the id of its kernel in the page
   config. This module connects to that kernel, asks it for every widget's state in one message,
   and shows the widgets in place of those scripts. It replaces Voilà's prebuilt front end, which
   loads a whole JupyterLab application (notebook, code editor, themes, settings) that these pages
   never use: about 1 MiB compressed on a first visit, where this is a few hundred KiB. */
import { shims } from "@jupyter-widgets/base";
import * as base from "@jupyter-widgets/base";
import { ManagerBase } from "@jupyter-widgets/base-manager";
import * as controls from "@jupyter-widgets/controls";
import { KernelConnection } from "@jupyterlab/services/lib/kernel/default";
import { getKernelModel } from "@jupyterlab/services/lib/kernel/restapi";
import { ServerConnection } from "@jupyterlab/services/lib/serverconnection";
import { Widget } from "@lumino/widgets";
import "@jupyter-widgets/controls/css/widgets.css";

const WIDGET_VIEW = "application/vnd.jupyter.widget-view+json";
const RECONNECT_CHECK_MS = 3000;
/** The widget modules bundled, with the version of the model each implements (what the kernel names). */
const MODULES = {
  "@jupyter-widgets/base": { module: base, version: base.JUPYTER_WIDGETS_VERSION },
  "@jupyter-widgets/controls": { module: controls, version: controls.JUPYTER_CONTROLS_VERSION },
};

function major(version) {
  return String(version).split(".")[0];
}

/** The widget manager of one page: widgets live in the page's kernel, found through its comms. */
class PageWidgetManager extends ManagerBase {
  constructor(kernel) {
    super();
    this.kernel = kernel;
    kernel.registerCommTarget(this.comm_target_name, (comm, message) => {
      this.handle_comm_open(new shims.services.Comm(comm), message);
    });
  }

  async loadClass(className, moduleName, moduleVersion) {
    const bundled = MODULES[moduleName];
    if (bundled && major(bundled.version) !== major(moduleVersion)) {  // ipywidgets changed: rebuild front/
      throw new Error(`Widget ${moduleName} ${moduleVersion} : page.js ne connaît que la version ${bundled.version}`);
    }
    const found = bundled && bundled.module[className];
    if (!found) {
      throw new Error(`Widget inconnu : ${moduleName} ${moduleVersion} ${className}`);
    }
    return found;
  }

  async _create_comm(targetName, modelId, data, metadata, buffers) {
    const comm = this.kernel.createComm(targetName, modelId);
    if (data || metadata) {
      comm.open(data, metadata, buffers);
    }
    return new shims.services.Comm(comm);
  }

  async _get_comm_info() {
    const reply = await this.kernel.requestCommInfo({ target_name: this.comm_target_name });
    return reply.content.status === "ok" ? reply.content.comms : {};
  }
}

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

/** Says in the page, once, that it lost its kernel (the server was stopped or restarted). */
function sayDisconnected() {
  if (document.getElementById("atelier-deconnecte")) {
    return;
  }
  const box = document.createElement("div");
  box.id = "atelier-deconnecte";
  box.className = "atelier-deconnecte";
  box.setAttribute("role", "alert");
  const text = document.createElement("p");
  text.textContent = "La page n'est plus reliée à l'atelier. Rechargez-la pour continuer.";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Recharger la page";
  button.addEventListener("click", () => window.location.reload());
  box.append(text, button);
  document.body.prepend(box);
}

/** Watches the kernel: the page is lost when its kernel is « dead », when the server no longer has it
    (asked every few seconds while reconnecting: the server was restarted), or when every reconnection
    failed (the server is stopped). */
function watch(kernel, serverSettings) {
  return new Promise((resolve) => {
    let asking = false;
    const lost = () => {
      sayDisconnected();
      resolve();
    };
    const askWhileConnecting = async () => {
      if (asking) {
        return;
      }
      asking = true;
      while (kernel.connectionStatus === "connecting" && !kernel.isDisposed) {
        const model = await getKernelModel(kernel.id, serverSettings).catch(() => null);
        if (model === undefined && !kernel.isDisposed) {  // no such kernel (null: the server did not answer)
          kernel.dispose();
          lost();
          break;
        }
        await new Promise((wake) => setTimeout(wake, RECONNECT_CHECK_MS));
      }
      asking = false;
    };
    kernel.statusChanged.connect((_, status) => status === "dead" && lost());
    kernel.connectionStatusChanged.connect((_, status) => {
      if (status === "disconnected") {
        lost();
      } else if (status === "connecting") {
        askWhileConnecting();
      }
    });
  });
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
  await Promise.race([manager._loadFromKernel(), watch(kernel, serverSettings)]);
  const scripts = document.querySelectorAll('script[type="application/vnd.voila.cell-output+json"]');
  await Promise.all(Array.from(scripts, (script) => showOutput(manager, script).catch((error) => {
    console.error("Sortie non affichée :", error);
  })));
  showCells();
}

start().catch((error) => {
  console.error("L'atelier n'a pas pu se connecter :", error);
  showCells();
});
