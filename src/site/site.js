// The filters of the plan table: by goal, by department and by words (each word, separated by
// spaces, must be in one of the plan's number, title, sub-projects or departments; full-width
// and half-width, upper and lower case are the same). Without this script every plan is shown
// and the filter form stays hidden.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var goal = document.getElementById("f-goal");
  var dept = document.getElementById("f-dept");
  var text = document.getElementById("f-text");
  // The latest year's status, when the data reports progress.
  var status = document.getElementById("f-status");
  var count = document.getElementById("count");
  var table = document.getElementById("plan-table");
  if (!form || !goal || !dept || !text || !count || !table) return;
  var fold = function (s) { return s.normalize("NFKC").toLowerCase(); };
  var bodies = Array.prototype.slice.call(table.tBodies);
  var rows = [];
  bodies.forEach(function (body) {
    Array.prototype.forEach.call(body.rows, function (row) {
      if (!row.classList.contains("plan")) return;
      rows.push({
        row: row,
        body: body,
        goal: row.getAttribute("data-goal"),
        status: row.getAttribute("data-status"),
        departments: row.getAttribute("data-departments").split("\n"),
        fields: row.getAttribute("data-text").split("\n").map(function (t) {
          return fold(t).replace(/\s+/g, "");
        })
      });
    });
  });
  var total = rows.length;
  function chosen(select) {
    return select.options[select.selectedIndex].text;
  }
  function apply() {
    var g = goal.value;
    var d = dept.value;
    var st = status ? status.value : "";
    var words = fold(text.value).split(/\s+/).filter(function (w) { return w; });
    var shown = 0;
    var visible = new Map();
    rows.forEach(function (r) {
      var ok = (!g || r.goal === g) && (!d || r.departments.indexOf(d) >= 0) &&
        (!st || r.status === st) &&
        words.every(function (w) {
          return r.fields.some(function (f) { return f.indexOf(w) >= 0; });
        });
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
    var conditions = [];
    if (g) conditions.push("重点推進目標 " + chosen(goal));
    if (d) conditions.push("担当課 " + d);
    if (st) conditions.push("評価 " + chosen(status));
    if (words.length) conditions.push("言葉「" + text.value.trim() + "」");
    document.body.classList.toggle("filtered", conditions.length > 0);
    if (!conditions.length) {
      count.textContent = "計画 " + total + " 件をすべて表示しています。";
    } else if (shown === 0) {
      count.textContent = "条件（" + conditions.join("、") + "）に合う計画はありません（全 " + total +
        " 件）。条件を変えるか、「条件を消す」を押してください。";
    } else {
      count.textContent = "条件（" + conditions.join("、") + "）に合う計画 " + shown +
        " 件を表示しています（全 " + total + " 件）。";
    }
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  // A link to a plan that the filters hide (from the index or the 体系図 list) clears them
  // first, so that the link always shows its row.
  document.addEventListener("click", function (e) {
    var link = e.target.closest ? e.target.closest("a[href^='#plan-']") : null;
    if (!link) return;
    var row = document.getElementById(link.getAttribute("href").slice(1));
    if (row && (row.hidden || (row.parentNode && row.parentNode.hidden))) {
      goal.value = "";
      dept.value = "";
      if (status) status.value = "";
      text.value = "";
      apply();
    }
  });
  form.hidden = false;
  apply();
})();
