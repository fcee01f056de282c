/* Small progressive enhancements; every page works without them. No libraries, nothing remote. */
(function () {
  "use strict";

  function debounce(fn, ms) {
    var timer;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  function csrfToken(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  // Partner search as you type (log start page).
  var search = document.getElementById("partner-search");
  if (search) {
    var box = document.getElementById("partner-results");
    search.addEventListener("input", debounce(function () {
      var q = search.value.trim();
      if (!q) { box.hidden = true; box.textContent = ""; return; }
      fetch(search.dataset.searchUrl + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          box.textContent = "";
          data.results.forEach(function (o) {
            var a = document.createElement("a");
            a.href = o.url;
            a.textContent = o.name + " · " + o.territory + " · " + o.kind;
            box.appendChild(a);
          });
          box.hidden = data.results.length === 0;
        });
    }, 200));
  }

  // Filter a list of checkboxes by substring (clinicians on the log form).
  document.querySelectorAll("[data-filter-target]").forEach(function (input) {
    var list = document.querySelector(input.dataset.filterTarget);
    input.addEventListener("input", function () {
      var q = input.value.trim();
      list.querySelectorAll("label").forEach(function (label) {
        label.hidden = q !== "" && label.textContent.indexOf(q) === -1 && !label.querySelector("input:checked");
      });
    });
  });

  var form = document.getElementById("log-form");
  if (!form) { return; }

  // Add a transfer-of-value line from the empty template.
  var addLine = document.getElementById("add-line");
  var total = form.querySelector("input[name=tov-TOTAL_FORMS]");
  addLine.addEventListener("click", function () {
    var index = parseInt(total.value, 10);
    var html = document.getElementById("tov-empty").innerHTML.replace(/__prefix__/g, String(index));
    var holder = document.createElement("div");
    holder.innerHTML = html;
    var line = holder.firstElementChild;
    document.getElementById("tov-lines").appendChild(line);
    total.value = String(index + 1);
    var first = line.querySelector("select, input");
    if (first) { first.focus(); }
  });

  // Live policy panel: the same rules as saving, run on what is typed so far.
  var panel = document.getElementById("policy-panel");
  var text = JSON.parse(document.getElementById("panel-text").textContent);
  var refresh = debounce(function () {
    var data = new FormData(form);
    fetch(form.dataset.previewUrl, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(form) }
    })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (result) {
        panel.textContent = "";
        if (!result.findings.length) {
          var ok = document.createElement("p");
          ok.innerHTML = '<span class="badge clear"></span> ';
          ok.firstChild.textContent = "✓";
          ok.appendChild(document.createTextNode(text.none));
          panel.appendChild(ok);
          return;
        }
        var ul = document.createElement("ul");
        ul.className = "plain";
        result.findings.forEach(function (f) {
          var li = document.createElement("li");
          var badge = document.createElement("span");
          badge.className = "badge " + f.severity;
          badge.textContent = text[f.severity] || f.severity;
          li.appendChild(badge);
          li.appendChild(document.createTextNode(" " + f.message));
          ul.appendChild(li);
        });
        panel.appendChild(ul);
      })
      .catch(function () { panel.textContent = text.error; });
  }, 400);
  form.addEventListener("input", refresh);
  form.addEventListener("change", refresh);
})();
