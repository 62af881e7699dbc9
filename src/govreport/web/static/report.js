// The report page: clicking a fact (in the text or in the side list) shows its fields and marks
// its span. Values arrive as data attributes and are set as text, never as HTML.
"use strict";
(function () {
  const detail = document.getElementById("fact-detail");
  const links = new Map();
  document.querySelectorAll("a.fact-link").forEach((a) => links.set(a.dataset.fact, a));

  function show(id) {
    const link = links.get(id);
    if (!link || !detail) return;
    const fields = JSON.parse(link.dataset.fields);
    detail.replaceChildren();
    const dl = document.createElement("dl");
    for (const [key, value] of Object.entries(fields)) {
      const dt = document.createElement("dt");
      dt.textContent = key;
      const dd = document.createElement("dd");
      dd.textContent = value === null ? "—" : String(value);
      dl.append(dt, dd);
    }
    detail.append(dl);
    detail.hidden = false;
    document.querySelectorAll("mark.fact.selected").forEach((m) => m.classList.remove("selected"));
    let first = null;
    document.querySelectorAll("mark.fact[data-facts]").forEach((m) => {
      if (m.dataset.facts.split(" ").includes(id)) {
        m.classList.add("selected");
        first = first || m;
      }
    });
    if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  document.querySelectorAll("a.fact-link").forEach((a) =>
    a.addEventListener("click", (event) => {
      event.preventDefault();
      show(a.dataset.fact);
      history.replaceState(null, "", "#fact-" + a.dataset.fact);
    }));
  document.querySelectorAll("mark.fact[data-facts]").forEach((m) =>
    m.addEventListener("click", () => {
      const ids = m.dataset.facts.split(" ");
      show(ids[ids.length - 1]);  // the innermost fact
    }));
  const hash = location.hash.match(/^#fact-(\d+)$/);
  if (hash) show(hash[1]);
})();
