/* The widget manager of an atelier's page: the widgets live in the page's kernel (ipywidgets 8),
   reached through its comms; their classes are the bundled @jupyter-widgets/base and controls. */
import { shims } from "@jupyter-widgets/base";
import * as base from "@jupyter-widgets/base";
import { ManagerBase } from "@jupyter-widgets/base-manager";
import * as controls from "@jupyter-widgets/controls";

/** The widget modules bundled, with the version of the model each implements (what the kernel names). */
const MODULES = {
  "@jupyter-widgets/base": { module: base, version: base.JUPYTER_WIDGETS_VERSION },
  "@jupyter-widgets/controls": { module: controls, version: controls.JUPYTER_CONTROLS_VERSION },
};

function major(version) {
  return String(version).split(".")[0];
}

/** The widget manager of one page: widgets live in the page's kernel, found through its comms. */
export class PageWidgetManager extends ManagerBase {
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
