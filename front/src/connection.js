/* The page's link to its kernel: when it is lost for good, the participant is told, in French. */
import { getKernelModel } from "@jupyterlab/services/lib/kernel/restapi";

const RECONNECT_CHECK_MS = 3000;

/** Says in the page, once, that it lost its kernel (the server was stopped or restarted). */
export function sayDisconnected() {
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
export function watch(kernel, serverSettings) {
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
