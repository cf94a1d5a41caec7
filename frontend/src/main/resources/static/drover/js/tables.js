/*
 * Drover: sortable tables. Click a header of a <table class="sortable"> to sort by that column; click
 * again to reverse. A cell's data-sort-value (a number: cores, MiB, epoch milliseconds) is compared
 * instead of its text, so "1.5 GiB" sorts after "512 MiB" and times sort by time. Text compares
 * naturally ("worker-10" after "worker-9"). Rows marked data-sort-fixed (the empty-state row) stay put.
 *
 * The sort of each table is remembered by the table's id, and live.js calls Drover.tables.apply()
 * after it swaps fresh rows in, so a refresh never undoes the reader's sort.
 */
(function () {
  'use strict';

  var sorts = {}; // table id -> {column, descending}

  function sortKey(cell) {
    if (!cell) {
      return '';
    }
    var value = cell.getAttribute('data-sort-value');
    return value !== null ? value : cell.textContent.trim();
  }

  function isNumber(text) {
    return text !== '' && !isNaN(Number(text));
  }

  function compareRows(column, descending) {
    var collator = new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'});
    return function (a, b) {
      var x = sortKey(a.cells[column]);
      var y = sortKey(b.cells[column]);
      if (x === '' || y === '') {
        return x === y ? 0 : (x === '' ? 1 : -1); // blanks last, whichever the direction
      }
      var order = isNumber(x) && isNumber(y) ? Number(x) - Number(y) : collator.compare(x, y);
      return descending ? -order : order;
    };
  }

  function sortTable(table, column, descending) {
    var body = table.tBodies[0];
    if (!body) {
      return;
    }
    var rows = Array.prototype.slice.call(body.rows);
    var movable = rows.filter(function (row) { return !row.hasAttribute('data-sort-fixed'); });
    var fixed = rows.filter(function (row) { return row.hasAttribute('data-sort-fixed'); });
    movable.sort(compareRows(column, descending));
    var fragment = document.createDocumentFragment();
    movable.concat(fixed).forEach(function (row) { fragment.appendChild(row); });
    body.appendChild(fragment);
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    for (var i = 0; i < headers.length; i++) {
      if (i === column) {
        headers[i].setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      } else {
        headers[i].removeAttribute('aria-sort');
      }
    }
  }

  function onHeaderClick(event) {
    var header = event.target.closest('table.sortable thead th');
    if (!header || header.hasAttribute('data-nosort') || event.target.closest('a, button, input')) {
      return;
    }
    var table = header.closest('table');
    var column = header.cellIndex;
    var previous = table.id ? sorts[table.id] : null;
    var descending = previous && previous.column === column ? !previous.descending : false;
    if (table.id) {
      sorts[table.id] = {column: column, descending: descending};
    }
    sortTable(table, column, descending);
  }

  function onHeaderKey(event) {
    if ((event.key === 'Enter' || event.key === ' ') && event.target.matches('table.sortable thead th')) {
      event.preventDefault();
      onHeaderClick(event);
    }
  }

  /** Makes headers focusable and re-applies remembered sorts under root (the document, or a swapped region). */
  function apply(root) {
    var tables = (root || document).querySelectorAll('table.sortable');
    Array.prototype.forEach.call(tables, function (table) {
      Array.prototype.forEach.call(table.querySelectorAll('thead th:not([data-nosort])'), function (th) {
        th.tabIndex = 0;
      });
      var sort = table.id ? sorts[table.id] : null;
      if (sort) {
        sortTable(table, sort.column, sort.descending);
      }
    });
  }

  window.Drover = window.Drover || {};
  window.Drover.tables = {apply: apply, sort: sortTable};

  document.addEventListener('click', onHeaderClick);
  document.addEventListener('keydown', onHeaderKey);
  document.addEventListener('drover:updated', function (event) { apply(event.target); });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { apply(document); });
  } else {
    apply(document);
  }
}());
