// Article page: clicking (or Enter on) a highlighted passage shows the coded events
// behind it, read from the event table on the same page. Text is set with textContent.
(function () {
  "use strict";

  function describe(row) {
    var cells = row.querySelectorAll("td");
    return (row.dataset.dyadLabel || row.dataset.dyad) + " · " + cells[2].textContent.trim() + " → " +
      cells[4].textContent.trim() + " · " + cells[3].textContent.trim() + " · quad class " + row.dataset.quad +
      " (" + cells[5].textContent.trim() + ") · " + cells[1].textContent.trim() + " · " + row.dataset.modality;
  }

  function show(mark, popup) {
    popup.textContent = "";
    document.querySelectorAll("tr.highlight").forEach(function (r) { r.classList.remove("highlight"); });
    mark.dataset.events.split(" ").forEach(function (id) {
      var row = document.getElementById("event-" + id);
      if (!row) return;
      row.classList.add("highlight");
      var line = document.createElement("p");
      var link = document.createElement("a");
      link.href = "#event-" + id;
      link.textContent = "event " + id;
      line.appendChild(link);
      line.appendChild(document.createTextNode(": " + describe(row)));
      popup.appendChild(line);
    });
    var rect = mark.getBoundingClientRect();
    popup.style.left = (window.scrollX + rect.left) + "px";
    popup.style.top = (window.scrollY + rect.bottom + 4) + "px";
    popup.hidden = false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var popup = document.getElementById("event-popup");
    if (!popup) return;
    document.body.appendChild(popup);
    document.querySelectorAll("mark.ev[data-events]").forEach(function (mark) {
      mark.addEventListener("click", function (e) { e.stopPropagation(); show(mark, popup); });
      mark.addEventListener("keydown", function (e) { if (e.key === "Enter") show(mark, popup); });
    });
    document.addEventListener("click", function (e) { if (!popup.contains(e.target)) popup.hidden = true; });
  });
})();
