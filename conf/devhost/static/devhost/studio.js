// Studio's runtime reports an editor's progress through runtime.notify();
// the host shows it in a live region instead of the workbench's console log.
(function () {
  var status = document.getElementById("studio-status");
  if (!status || typeof RuntimeProvider === "undefined") {
    return;
  }
  var runtime = RuntimeProvider.getRuntime(1);
  runtime.notify = function (name, data) {
    data = data || {};
    if (name === "save" && data.state === "start") {
      status.textContent = status.dataset.saving;
    } else if (name === "save" && data.state === "end") {
      // Reload so the OLX shown below is the saved one.
      window.location.assign(window.location.pathname + "?saved=1");
    } else if (name === "error") {
      status.textContent = status.dataset.error + " " + [data.title, data.message].filter(Boolean).join(": ");
    } else if (name === "cancel") {
      window.location.assign(status.dataset.backUrl);
    }
  };
})();
