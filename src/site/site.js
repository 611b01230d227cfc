// The filters of the plan table: by goal, by department and by text (plan titles and
// sub-project titles; full-width and half-width, upper and lower case are the same). Without
// this script every plan is shown and the filter form stays hidden.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var goal = document.getElementById("f-goal");
  var dept = document.getElementById("f-dept");
  var text = document.getElementById("f-text");
  var count = document.getElementById("count");
  var table = document.getElementById("plan-table");
  if (!form || !goal || !dept || !text || !count || !table) return;
  var fold = function (s) { return s.normalize("NFKC").toLowerCase().replace(/\s+/g, ""); };
  var bodies = Array.prototype.slice.call(table.tBodies);
  var rows = [];
  bodies.forEach(function (body) {
    Array.prototype.forEach.call(body.rows, function (row) {
      if (!row.classList.contains("plan")) return;
      rows.push({
        row: row,
        body: body,
        goal: row.getAttribute("data-goal"),
        departments: row.getAttribute("data-departments").split("\n"),
        text: fold(row.getAttribute("data-text"))
      });
    });
  });
  var total = rows.length;
  function apply() {
    var g = goal.value;
    var d = dept.value;
    var words = fold(text.value);
    var shown = 0;
    var visible = new Map();
    rows.forEach(function (r) {
      var ok = (!g || r.goal === g) && (!d || r.departments.indexOf(d) >= 0) &&
        (!words || r.text.indexOf(words) >= 0);
      if (r.row.hidden === ok) r.row.hidden = !ok;
      if (ok) {
        shown += 1;
        visible.set(r.body, true);
      }
    });
    bodies.forEach(function (body) {
      var hide = !visible.has(body);
      if (body.hidden !== hide) body.hidden = hide;
    });
    if (!g && !d && !words) {
      count.textContent = "計画 " + total + " 件をすべて表示しています。";
    } else if (shown === 0) {
      count.textContent = "条件に合う計画はありません（全 " + total + " 件）。条件を変えるか、「条件を消す」を押してください。";
    } else {
      count.textContent = "条件に合う計画 " + shown + " 件を表示しています（全 " + total + " 件）。";
    }
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.hidden = false;
  apply();
})();
