// Applies the device's saved language and elderly mode before the app loads (no flash of
// small text for a resident who uses 长辈版), then starts the wasm app.
try {
  const html = document.documentElement;
  if (localStorage.getItem("linli.elderly") === "true") html.classList.add("elderly");
  const locale = localStorage.getItem("linli.locale");
  if (locale === "zh-CN" || locale === "zh-TW" || locale === "en") html.lang = locale;
} catch (_) {
  // Storage can be unavailable (private mode); the app falls back to its defaults.
}

import init from "/linli_app.js";
init({ module_or_path: "/linli_app_bg.wasm" });
