/* Draws every chart from its JSON spec (a <script type="application/json">, data not code)
   and opens a point's citation (articles/X.html#f-ID, in customdata) when it is clicked. */
(function () {
  "use strict";
  function draw(div) {
    var el = document.getElementById(div.getAttribute("data-spec"));
    if (!el || !window.Plotly) { return; }
    var spec = JSON.parse(el.textContent);
    Plotly.newPlot(div, spec.data, spec.layout, spec.config).then(function () {
      div.on("plotly_click", function (ev) {
        var p = ev && ev.points && ev.points[0];
        if (p && p.customdata) { window.location.href = p.customdata; }
      });
      div.setAttribute("data-drawn", "true");
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll(".chart[data-spec]"), draw);
})();
