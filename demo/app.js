// The demo dashboard's client: an SPA shell like the real one. Content arrives after a short
// delay (as if fetched), tabs switch without a reload (pushState), "Load more" appends rows.
(function () {
  var content = document.getElementById('page-content');
  function fill(doc, delay) {
    var tpl = doc.getElementById('page');
    content.replaceChildren();
    document.title = doc.title;
    setTimeout(function () {
      content.replaceChildren(document.importNode(tpl.content, true));
      performance.mark('demo:content-shown');
      // "Rendered": after the next frame is painted (rAF, then the following task).
      requestAnimationFrame(function () {
        setTimeout(function () { performance.mark('demo:content-rendered'); }, 0);
      });
    }, delay);
  }
  function markNav() {
    document.querySelectorAll('.side a').forEach(function (a) {
      var here = location.pathname.indexOf(a.getAttribute('data-section')) === 0;
      if (here) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
  }
  function go(href, push) {
    fetch(href)
      .then(function (r) { return r.text(); })
      .then(function (html) {
        if (push) history.pushState({}, '', href);
        markNav();
        fill(new DOMParser().parseFromString(html, 'text/html'), 150);
      });
  }
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[data-spa]');
    if (a) {
      e.preventDefault();
      go(a.getAttribute('href'), true);
      return;
    }
    var pager = e.target.closest && e.target.closest('button[aria-label$="invoices page"]');
    if (pager && !pager.disabled) {
      // Like the site: the table's rows are replaced by the next (or previous) page's.
      var label = content.querySelector('#invoice-page');
      var pages = Number(label.getAttribute('data-pages'));
      var page = Number(label.textContent.split(' ')[1]) + (pager.getAttribute('aria-label').indexOf('Next') === 0 ? 1 : -1);
      var tpl = content.querySelector('template.invoice-page[data-page="' + page + '"]');
      var body = content.querySelector('table.billing-history-table tbody, [aria-label="Invoices"] .rows, .grid .rows');
      body.replaceChildren.apply(body, Array.prototype.slice.call(tpl.content.querySelector('tbody, .rows').cloneNode(true).children));
      label.textContent = 'Page ' + page + ' of ' + pages;
      content.querySelector('button[aria-label="Previous invoices page"]').disabled = page === 1;
      content.querySelector('button[aria-label="Next invoices page"]').disabled = page === pages;
      return;
    }
    if (e.target.id === 'load-more') {
      var next = content.querySelector('template.more-rows');
      if (!next) return;
      var rows = next.content.querySelector('tbody, .rows');
      var target = content.querySelector('table.data tbody, [aria-label="Invoices"] .rows, .grid .rows');
      target.append.apply(target, Array.prototype.slice.call(rows.children));
      next.remove();
      if (!content.querySelector('template.more-rows')) e.target.remove();
    }
  });
  window.addEventListener('popstate', function () { go(location.href, false); });
  markNav();
  fill(document, 300);
})();
