// The usage dashboard: fetches the customer's own usage and draws it with Chart.js (from its WebJar).
(function () {
  'use strict';
  var form = document.getElementById('usage-controls');
  if (!form) {
    return;
  }
  var status = document.getElementById('usage-status');
  var charts = {};
  var css = getComputedStyle(document.documentElement);
  var colour = {
    import: css.getPropertyValue('--import').trim() || '#0b4f8a',
    export: css.getPropertyValue('--export').trim() || '#1a7f37',
    estimate: css.getPropertyValue('--estimate').trim() || '#8a4b00',
    previous: '#6b6b6b'
  };

  function kwh(wh) {
    return Math.round(wh / 10) / 100;
  }

  function labels(data, starts) {
    var options = { timeZone: data.zone };
    if (data.resolution === 'MONTH') {
      options.year = 'numeric'; options.month = 'short';
    } else if (data.resolution === 'DAY') {
      options.year = 'numeric'; options.month = 'short'; options.day = 'numeric';
    } else {
      options.month = 'short'; options.day = 'numeric'; options.hour = '2-digit'; options.minute = '2-digit';
    }
    var format = new Intl.DateTimeFormat(undefined, options);
    return Array.prototype.map.call(starts, function (s) { return format.format(new Date(s * 1000)); });
  }

  function draw(id, title, data, series, previous, base) {
    var canvas = document.getElementById(id);
    if (charts[id]) {
      charts[id].destroy();
    }
    var bars = Array.prototype.map.call(series.values, kwh);
    var barColours = Array.prototype.map.call(series.estimated, function (e) {
      return e > 0 ? colour.estimate : base;
    });
    charts[id] = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: labels(data, data.starts),
        datasets: [
          { label: title + ' (kWh)', data: bars, backgroundColor: barColours, borderWidth: 0, order: 2 },
          { label: 'Period before (kWh)', data: Array.prototype.map.call(previous.values, kwh), type: 'line',
            borderColor: colour.previous, borderDash: [6, 4], pointRadius: 0, borderWidth: 2, order: 1 }
        ]
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, title: { display: true, text: 'kWh' } } },
        plugins: {
          tooltip: { callbacks: { afterLabel: function (item) {
            var e = item.datasetIndex === 0 ? series.estimated[item.dataIndex] : 0;
            return e > 0 ? 'includes ' + e + ' estimated interval(s)' : '';
          } } }
        }
      }
    });
    canvas.dataset.points = String(bars.length);
    canvas.dataset.rendered = 'true';
  }

  function compare(now, before) {
    if (before === 0) {
      return 'No data for the period before.';
    }
    var change = Math.round((now - before) / before * 1000) / 10;
    return (change >= 0 ? '+' : '') + change + ' % against the period before (' + kwh(before) + ' kWh)';
  }

  function table(data) {
    var body = document.querySelector('#usage-table tbody');
    var names = labels(data, data.starts);
    var rows = [];
    var limit = Math.min(names.length, 2000);
    for (var i = 0; i < limit; i++) {
      var estimated = data.imported.estimated[i] + data.exported.estimated[i];
      rows.push('<tr><th scope="row">' + names[i] + '</th><td class="num">' + kwh(data.imported.values[i])
        + '</td><td class="num">' + (i < data.previous.imported.values.length ? kwh(data.previous.imported.values[i]) : '')
        + '</td><td class="num">' + kwh(data.exported.values[i]) + '</td><td>'
        + (estimated > 0 ? 'E (' + estimated + ' estimated)' : 'measured') + '</td></tr>');
    }
    body.innerHTML = rows.join('');
  }

  function show(data) {
    document.getElementById('usage-summary').hidden = false;
    document.getElementById('total-import').textContent = kwh(data.imported.total) + ' kWh';
    document.getElementById('total-export').textContent = kwh(data.exported.total) + ' kWh';
    document.getElementById('total-estimated').textContent =
      String(data.imported.estimatedIntervals + data.exported.estimatedIntervals);
    document.getElementById('compare-import').textContent = compare(data.imported.total, data.previous.imported.total);
    document.getElementById('compare-export').textContent = compare(data.exported.total, data.previous.exported.total);
    draw('import-chart', 'Used', data, data.imported, data.previous.imported, colour.import);
    draw('export-chart', 'Sent', data, data.exported, data.previous.exported, colour.export);
    table(data);
  }

  function load() {
    var query = new URLSearchParams(new FormData(form));
    status.textContent = 'Loading…';
    fetch('/api/v1/me/usage?' + query.toString(), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) {
            throw new Error(body.detail || ('the server answered ' + response.status));
          }
          return body;
        });
      })
      .then(function (data) {
        show(data);
        status.textContent = 'Showing ' + data.from + ' to ' + data.to + ', compared with ' + data.previous.from
          + ' to ' + data.previous.to + '.';
      })
      .catch(function (error) {
        status.textContent = 'Could not show your usage: ' + error.message;
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    load();
  });
  load();
})();
