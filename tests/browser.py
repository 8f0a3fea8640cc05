"""A minimal headless-Chromium driver over the DevTools protocol, for report tests.

Loads a page, collects console errors and uncaught exceptions, evaluates
JavaScript and takes screenshots. Uses Debian's chromium (installed by
`make test` through .ci/chromium) and the websocket-client package.
"""
from __future__ import annotations

import base64
import itertools
import json
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import regex
import websocket

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
_LISTENING = regex.compile(r"DevTools listening on (ws://[^\s]+)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--remote-debugging-port=0", "--window-size=1200,1600"]


class Browser:
    def __init__(self, timeout: float = 30):
        self.timeout = timeout
        # Chromium's helper processes may still write to the profile after the
        # browser exits; a leftover temp folder must not fail the test.
        self.profile = tempfile.TemporaryDirectory(prefix="hoshin-chromium-", ignore_cleanup_errors=True)
        self.process = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={self.profile.name}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            browser_ws = self._wait_for_endpoint()
            # keep reading chromium's log so a full pipe never blocks it
            threading.Thread(target=self.process.stderr.read, daemon=True).start()
            port = regex.search(r":(\d+)/", browser_ws).group(1)
            targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
            page = next(t for t in targets if t["type"] == "page")
            self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=timeout,
                                                  suppress_origin=True)
        except BaseException:
            self.process.kill()
            self.profile.cleanup()
            raise
        self.ids = itertools.count(1)
        self.errors: list[str] = []
        for domain in ("Runtime", "Log", "Page"):
            self.call(f"{domain}.enable")

    def _wait_for_endpoint(self) -> str:
        deadline = time.monotonic() + self.timeout
        for line in self.process.stderr:
            if m := _LISTENING.search(line):
                return m.group(1)
            if time.monotonic() > deadline:
                break
        raise RuntimeError("chromium did not open its DevTools endpoint")

    def _event(self, message: dict) -> None:
        """Record what a reader would see as a broken page."""
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
            self.errors.append("console: " + " ".join(str(a.get("value", a.get("description")))
                                                      for a in params["args"]))
        elif method == "Runtime.exceptionThrown":
            self.errors.append("exception: " + params["exceptionDetails"]["text"])
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            self.errors.append(f"log: {params['entry']['text']} {params['entry'].get('url', '')}")

    def call(self, method: str, wait_for: str | None = None, **params) -> dict:
        """Send a command; return its result (or, with wait_for, after that event)."""
        call_id = next(self.ids)
        self.ws.send(json.dumps({"id": call_id, "method": method, "params": params}))
        result, seen_event = None, wait_for is None
        while result is None or not seen_event:
            message = json.loads(self.ws.recv())
            self._event(message)
            if message.get("id") == call_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result = message["result"]
            elif message.get("method") == wait_for:
                seen_event = True
        return result

    def open(self, url: str) -> None:
        self.call("Page.navigate", wait_for="Page.loadEventFired", url=url)

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"]["text"])
        return result["result"].get("value")

    def screenshot(self, path: Path, selector: str | None = None) -> None:
        """PNG of the viewport, or of the first element matching ``selector``."""
        params = {"format": "png"}
        if selector:
            box = self.evaluate(f"(() => {{const r = document.querySelector({json.dumps(selector)})"
                                ".getBoundingClientRect(); return [r.x + scrollX, r.y + scrollY,"
                                " r.width, r.height];})()")
            params.update(clip=dict(zip(("x", "y", "width", "height"), box), scale=1),
                          captureBeyondViewport=True)
        data = self.call("Page.captureScreenshot", **params)["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            self.profile.cleanup()

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
