(function () {
  "use strict";
  var pinned = null;
  function byId(id) { return id ? document.getElementById(id) : null; }
  function list(el, name) {
    var v = el.getAttribute(name);
    return v ? v.split(" ").map(byId).filter(Boolean) : [];
  }
  function reportOf(el) { return el.closest(".report"); }
  function reveal(el) {
    if (el && el.scrollIntoView) { el.scrollIntoView({block: "center", inline: "nearest"}); }
  }
  function clear(report) {
    report.querySelectorAll(".is-selected, .is-partner, .is-focus").forEach(function (el) {
      el.classList.remove("is-selected", "is-partner", "is-focus");
    });
    report.querySelectorAll(".detail").forEach(function (d) { d.hidden = true; });
    var hint = report.querySelector(".hint");
    if (hint) { hint.hidden = false; }
  }
  function showDetail(report, claim) {
    var detail = byId(claim.getAttribute("data-detail"));
    if (!detail) { return; }
    detail.hidden = false;
    report.querySelector(".hint").hidden = true;
    report.querySelector(".panel").scrollTop = 0;
  }
  function selectClaim(claim, scroll) {
    var report = reportOf(claim);
    clear(report);
    claim.classList.add("is-selected");
    list(claim, "data-partners").forEach(function (p) {
      p.classList.add("is-partner");
      if (scroll) { reveal(p); }
    });
    list(claim, "data-findings").forEach(function (f) { f.classList.add("is-focus"); });
    showDetail(report, claim);
    if (scroll) { reveal(claim); }
  }
  function selectFinding(card, scroll) {
    var report = reportOf(card);
    clear(report);
    card.classList.add("is-selected");
    var claims = list(card, "data-claims");
    claims.forEach(function (c) {
      c.classList.add("is-partner");
      if (scroll) { reveal(c); }
    });
    if (claims.length) {
      claims[0].classList.remove("is-partner");
      claims[0].classList.add("is-selected");
      showDetail(report, claims[0]);
    }
  }
  function select(el, scroll) {
    if (!el) { return; }
    if (el.classList.contains("claim") && el.id) { selectClaim(el, scroll); }
    else if (el.classList.contains("finding")) { selectFinding(el, scroll); }
    pinned = el;
  }
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = byId(id);
    if (el && (el.classList.contains("claim") || el.classList.contains("finding"))) {
      select(el, true);
    }
  }
  document.addEventListener("click", function (ev) {
    var t = ev.target;
    var a = t.closest("a[href^='#']");
    if (a) {
      var target = byId(a.getAttribute("href").slice(1));
      if (target && (target.classList.contains("claim") || target.classList.contains("finding"))) {
        ev.preventDefault();
        select(target, true);
      }
      return;
    }
    var el = t.closest(".claim[id], .finding");
    if (!el) { return; }
    if (pinned === el) { clear(reportOf(el)); pinned = null; return; }
    select(el, el.classList.contains("finding"));
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" && ev.key !== " ") { return; }
    var el = ev.target.closest && ev.target.closest(".claim[id], .finding");
    if (el) { ev.preventDefault(); select(el, true); }
  });
  document.addEventListener("mouseover", function (ev) {
    var claim = ev.target.closest(".claim[id]");
    if (claim && !pinned) { selectClaim(claim, false); }
  });
  document.addEventListener("mouseout", function (ev) {
    var claim = ev.target.closest(".claim[id]");
    if (claim && !pinned && !claim.contains(ev.relatedTarget)) { clear(reportOf(claim)); }
  });
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
