/*
 * Drover's log viewer: fills the shell of templates/drover/fragments/logs.html from the byte-range log
 * API (text/plain; a negative offset counts from the end; answers carry Drover-Log-Offset, where the range
 * starts, and Drover-Log-File-Length, the file's length now). Plain script, no framework, no build step.
 *
 * It opens on the last chunk of the file, so a log of any size opens at once; "Load earlier" prepends the
 * chunk before what is shown; "Follow" asks every second for the bytes past the end and appends them,
 * scrolling along unless the reader has scrolled up. Log text only ever goes in through textContent, so
 * nothing a process prints can become markup.
 *
 * Byte offsets stay exact: every piece shown covers a known byte range that starts and ends on whole UTF-8
 * characters. A piece read from inside the file drops its leading partial line (or at least its partial
 * character), which "Load earlier" reads again as the end of the chunk before; a trailing partial
 * character is not shown and is read again with the next bytes.
 */
(function () {
  'use strict';

  var POLL_MS = 1000;
  /** Bytes asked for per follow request; when the file grew by more, the next request goes at once. */
  var FOLLOW_STEP = 1024 * 1024;
  /** Following drops the oldest text beyond this, and jumps to the end when the file outran it. */
  var MAX_SHOWN = 8 * 1024 * 1024;
  /** A chunk's leading partial line is dropped only when it is this short; longer ones are kept. */
  var LINE_CUT_MAX = 4096;

  var decoder = new TextDecoder('utf-8');

  function isContinuation(b) {
    return (b & 0xC0) === 0x80;
  }

  /** Where the whole text of a chunk read from inside the file starts: its first full line, else character. */
  function headCut(bytes) {
    var limit = Math.min(bytes.length - 1, LINE_CUT_MAX);
    for (var i = 0; i < limit; i++) {
      if (bytes[i] === 0x0A) {
        return i + 1;
      }
    }
    var j = 0;
    while (j < bytes.length && j < 3 && isContinuation(bytes[j])) {
      j++;
    }
    return j;
  }

  /** How many bytes of a chunk end on a whole character; a character cut at the end is left for later. */
  function tailCut(bytes) {
    var i = bytes.length - 1;
    var back = 0;
    while (i >= 0 && back < 3 && isContinuation(bytes[i])) {
      i--;
      back++;
    }
    if (i < 0) {
      return bytes.length; // not UTF-8 at all: let the decoder show replacement characters
    }
    var lead = bytes[i];
    var need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return bytes.length - i >= need ? bytes.length : i;
  }

  function formatBytes(n) {
    var units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    var unit = 0;
    var value = n;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit === 0 ? n + ' B' : value.toFixed(1) + ' ' + units[unit];
  }

  function formatCount(n) {
    return n.toLocaleString('en-US');
  }

  /** Same-origin, with the session's credentials, so the page keeps working once the API needs them. */
  async function fetchRange(api, offset, length) {
    var url = api + (api.indexOf('?') < 0 ? '?' : '&') + 'offset=' + offset + '&length=' + length;
    var response;
    try {
      response = await fetch(url, {
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { Accept: 'text/plain, application/problem+json' }
      });
    } catch (e) {
      throw new Error('the server cannot be reached');
    }
    if (!response.ok) {
      throw new Error(await describeFailure(response));
    }
    var start = Number(response.headers.get('Drover-Log-Offset'));
    var fileLength = Number(response.headers.get('Drover-Log-File-Length'));
    if (!response.headers.has('Drover-Log-Offset') || !Number.isFinite(start) || !Number.isFinite(fileLength)) {
      throw new Error('the answer does not say which bytes it holds');
    }
    return { offset: start, fileLength: fileLength, bytes: new Uint8Array(await response.arrayBuffer()) };
  }

  async function describeFailure(response) {
    var detail = '';
    try {
      if ((response.headers.get('Content-Type') || '').indexOf('json') >= 0) {
        var problem = await response.json();
        detail = problem.detail || problem.title || '';
      }
    } catch (e) {
      // no readable problem body: the status says enough
    }
    return 'HTTP ' + response.status + (detail ? ', ' + detail : '');
  }

  function Viewer(root) {
    this.api = root.dataset.logApi;
    this.chunk = Math.max(1024, parseInt(root.dataset.chunkBytes, 10) || 65536);
    this.text = root.querySelector('[data-log-text]');
    this.status = root.querySelector('[data-log-status]');
    this.error = root.querySelector('[data-log-error]');
    this.earlier = root.querySelector('[data-log-earlier]');
    this.followBox = root.querySelector('[data-log-follow]');
    this.endButton = root.querySelector('[data-log-end]');
    this.pieces = []; // {start, end, node}, in file order
    this.start = 0;
    this.end = 0;
    this.fileLength = 0;
    this.loaded = false;
    this.following = false;
    this.stick = true; // keep the end in view while following, until the reader scrolls up
    this.timer = null;
    this.queue = Promise.resolve();
    this.notice = '';
  }

  /** One range request at a time, so the offsets each one relies on cannot change under it. */
  Viewer.prototype.run = function (task) {
    var result = this.queue.then(task.bind(this));
    this.queue = result.catch(function () {});
    return result;
  };

  Viewer.prototype.atBottom = function () {
    return this.text.scrollHeight - this.text.scrollTop - this.text.clientHeight <= 8;
  };

  Viewer.prototype.scrollToEnd = function () {
    this.text.scrollTop = this.text.scrollHeight;
  };

  Viewer.prototype.piece = function (bytes, start, end) {
    var node = document.createElement('span');
    node.textContent = decoder.decode(bytes);
    return { start: start, end: end, node: node };
  };

  /** Shows the last chunk of the file, replacing whatever was shown. */
  Viewer.prototype.openTail = async function () {
    var r = await fetchRange(this.api, -this.chunk, this.chunk);
    var from = r.offset > 0 ? headCut(r.bytes) : 0;
    var to = Math.max(from, tailCut(r.bytes));
    this.pieces.forEach(function (p) { p.node.remove(); });
    this.pieces = [];
    this.start = r.offset + from;
    this.end = r.offset + to;
    this.fileLength = r.fileLength;
    this.add(this.piece(r.bytes.subarray(from, to), this.start, this.end));
    this.loaded = true;
    this.stick = true;
    this.scrollToEnd();
  };

  Viewer.prototype.add = function (piece) {
    if (piece.end > piece.start) {
      this.text.appendChild(piece.node);
      this.pieces.push(piece);
    }
  };

  /** Prepends the chunk before what is shown, keeping the lines in view where they are. */
  Viewer.prototype.loadEarlier = async function () {
    if (!this.loaded || this.start === 0) {
      return;
    }
    var from = Math.max(0, this.start - this.chunk);
    var r = await fetchRange(this.api, from, this.start - from);
    if (r.fileLength < this.end) {
      this.notice = 'The file was truncated; showing its end again.';
      await this.openTail();
      return;
    }
    var cut = r.offset > 0 ? headCut(r.bytes) : 0;
    var piece = this.piece(r.bytes.subarray(cut), r.offset + cut, this.start);
    var fromBottom = this.text.scrollHeight - this.text.scrollTop;
    this.text.insertBefore(piece.node, this.text.firstChild);
    this.pieces.unshift(piece);
    this.start = piece.start;
    this.fileLength = r.fileLength;
    this.text.scrollTop = this.text.scrollHeight - fromBottom;
  };

  /** Appends the bytes past the end; true when the file holds more than one request brought. */
  Viewer.prototype.readForward = async function () {
    var r = await fetchRange(this.api, this.end, FOLLOW_STEP);
    if (r.fileLength < this.end) {
      this.notice = 'The file was truncated; showing its end again.';
      await this.openTail();
      return false;
    }
    if (r.fileLength - this.end > MAX_SHOWN) {
      this.notice = 'Skipped ' + formatBytes(r.fileLength - this.end) + ' written faster than it could be shown.';
      await this.openTail();
      return false;
    }
    var to = tailCut(r.bytes);
    var stick = this.stick;
    this.add(this.piece(r.bytes.subarray(0, to), this.end, this.end + to));
    this.end += to;
    this.fileLength = r.fileLength;
    this.dropOldest();
    if (stick) {
      this.scrollToEnd();
    }
    return to > 0 && this.fileLength > this.end;
  };

  /** A log followed for hours must not grow the page without bound: the oldest pieces go first. */
  Viewer.prototype.dropOldest = function () {
    while (this.end - this.start > MAX_SHOWN && this.pieces.length > 1) {
      var gone = this.pieces.shift();
      gone.node.remove();
      this.start = this.pieces[0].start;
    }
  };

  Viewer.prototype.poll = async function () {
    var delay = POLL_MS;
    try {
      var more = await this.run(function () {
        if (!this.loaded) {
          return this.openTail().then(function () { return false; });
        }
        return this.readForward();
      });
      if (more) {
        delay = 0;
      }
      this.showError(null);
    } catch (e) {
      this.showError(e);
    }
    this.render();
    if (this.following) {
      this.schedule(delay);
    }
  };

  Viewer.prototype.schedule = function (delay) {
    clearTimeout(this.timer);
    this.timer = setTimeout(this.poll.bind(this), delay);
  };

  Viewer.prototype.setFollow = function (on) {
    this.following = on;
    this.followBox.checked = on;
    clearTimeout(this.timer);
    if (on) {
      this.stick = true;
      this.scrollToEnd();
      this.schedule(0);
    }
    this.render();
  };

  Viewer.prototype.showError = function (e) {
    if (!e) {
      this.error.hidden = true;
      this.error.textContent = '';
      return;
    }
    this.error.textContent = 'Could not read the log: ' + e.message + '. '
        + (this.following ? 'Retrying every second.' : 'Turn on Follow to keep trying, or reload the page.');
    this.error.hidden = false;
  };

  Viewer.prototype.render = function () {
    var text;
    if (!this.loaded) {
      text = this.following ? 'Waiting for the log…' : 'Not loaded.';
    } else if (this.fileLength === 0) {
      text = 'The file is empty' + (this.following ? '; waiting for output.' : '.');
    } else {
      text = 'File size ' + formatBytes(this.fileLength) + ' (' + formatCount(this.fileLength) + ' bytes); showing bytes '
          + formatCount(this.start) + '–' + formatCount(this.end) + ' (' + formatBytes(this.end - this.start) + ')'
          + (this.following ? '; following.' : '.');
    }
    this.status.textContent = (this.notice ? this.notice + ' ' : '') + text;
    this.earlier.disabled = !this.loaded || this.start === 0;
    this.earlier.textContent = this.loaded && this.start === 0 ? 'Top of the log' : 'Load earlier';
  };

  Viewer.prototype.init = function (follow) {
    var self = this;
    this.text.addEventListener('scroll', function () { self.stick = self.atBottom(); });
    this.followBox.addEventListener('change', function () { self.setFollow(self.followBox.checked); });
    this.endButton.addEventListener('click', function () { self.stick = true; self.scrollToEnd(); });
    this.earlier.addEventListener('click', function () {
      self.notice = '';
      self.run(self.loadEarlier).then(function () { self.showError(null); }, function (e) { self.showError(e); })
          .then(function () { self.render(); });
    });
    if (follow) {
      this.setFollow(true);
    } else {
      this.run(this.openTail).then(function () { self.showError(null); }, function (e) { self.showError(e); })
          .then(function () { self.render(); });
    }
  };

  document.querySelectorAll('.log-viewer[data-log-api]').forEach(function (root) {
    if (root.dataset.logReady) {
      return; // the shell's script tag may be on a page more than once
    }
    root.dataset.logReady = 'true';
    new Viewer(root).init(root.dataset.follow === 'true');
  });
})();
