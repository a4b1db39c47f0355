/* Only enhances the plain forms, which work without it: lists the chosen files, takes files
   dropped on their box, refuses a choice over the size limit before sending anything, and shows
   the upload's progress. Written for old browsers too (no arrow functions, no fetch). */
(function () {
  "use strict";
  if (!document.querySelectorAll || !window.addEventListener) { return; }

  function each(list, action) {
    for (var i = 0; i < list.length; i += 1) { action(list[i]); }
  }

  function size(bytes) {
    if (bytes < 1048576) { return Math.max(1, Math.round(bytes / 1024)) + " KB"; }
    return (bytes / 1048576).toFixed(1) + " MB";
  }

  function showChosen(input) {
    var box = input.parentNode.querySelector(".chosen");
    if (!box || !input.files) { return; }
    box.innerHTML = "";
    each(input.files, function (file) {
      var item = document.createElement("li");
      item.appendChild(document.createTextNode(file.name + "（" + size(file.size) + "）"));
      box.appendChild(item);
    });
  }

  function totalBytes(form) {
    var total = 0;
    each(form.querySelectorAll("input[type=file]"), function (input) {
      each(input.files || [], function (file) { total += file.size; });
    });
    return total;
  }

  function enableDrop(box) {
    var input = box.querySelector("input[type=file]");
    if (!input) { return; }
    input.addEventListener("change", function () { showChosen(input); });
    box.addEventListener("dragover", function (event) {
      event.preventDefault();
      box.className += box.className.indexOf(" over") < 0 ? " over" : "";
    });
    box.addEventListener("dragleave", function () { box.className = box.className.replace(" over", ""); });
    box.addEventListener("drop", function (event) {
      event.preventDefault();
      box.className = box.className.replace(" over", "");
      try {
        input.files = event.dataTransfer.files;
        showChosen(input);
      } catch (ignored) { /* an old browser: the file button still works */ }
    });
  }

  function sendWithProgress(form, busy) {
    var request = new XMLHttpRequest();
    var done = busy.querySelector(".bar-done");
    request.open("POST", form.action);
    request.upload.addEventListener("progress", function (event) {
      if (event.lengthComputable && done) {
        done.style.width = Math.round(100 * event.loaded / event.total) + "%";
      }
    });
    request.addEventListener("load", function () {
      var results = request.getResponseHeader("X-Page-Address");
      if (request.status === 200 && results) {
        window.location.href = results;
        return;
      }
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener("error", function () { form.submit(); });
    request.send(new FormData(form));
  }

  each(document.querySelectorAll("form[data-upload]"), function (form) {
    each(form.querySelectorAll(".drop"), enableDrop);
    form.addEventListener("submit", function (event) {
      var busy = form.querySelector(".busy");
      var tooBig = form.querySelector(".too-big");
      var limit = parseInt(form.getAttribute("data-max-bytes"), 10);
      if (limit && totalBytes(form) > limit) {
        event.preventDefault();
        tooBig.removeAttribute("hidden");
        tooBig.scrollIntoView();
        return;
      }
      tooBig.setAttribute("hidden", "");
      each(form.querySelectorAll("button[type=submit]"), function (button) { button.disabled = true; });
      if (busy) { busy.removeAttribute("hidden"); }
      if (window.FormData && window.XMLHttpRequest && "upload" in new XMLHttpRequest()) {
        event.preventDefault();
        sendWithProgress(form, busy);
      }
    });
  });
}());
