"""The server's kernel manager: Jupyter Server's, with an idle culler that leaves starting kernels alone.

The culler (``cull_idle_timeout``, the safety net for pages that never said goodbye) reads each
kernel's last activity; a kernel still starting has none yet, and Jupyter Server then prints an English
traceback in the conseiller's terminal. Such a kernel is not idle: it is skipped until the next round.
"""
from __future__ import annotations

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager


class AtelierKernelManager(AsyncMappingKernelManager):
    async def cull_kernel_if_idle(self, kernel_id):
        kernel = self._kernels.get(kernel_id)
        if kernel is None or kernel._trait_values.get("last_activity") is None:
            return  # starting (or just gone): not idle
        return await super().cull_kernel_if_idle(kernel_id)
