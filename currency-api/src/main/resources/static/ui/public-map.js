// The public directory's map: one marker per merchant of the list that has coordinates. The list
// is the page (it works without this script and without tiles); merchants' words are set as text,
// never as HTML.
document.addEventListener('DOMContentLoaded', function () {
  var element = document.getElementById('map');
  if (!element || typeof L === 'undefined') {
    return;
  }
  var map = L.map(element, { scrollWheelZoom: false });
  L.tileLayer(element.dataset.tiles, { maxZoom: 19, attribution: element.dataset.attribution }).addTo(map);
  var points = [];
  document.querySelectorAll('#merchants .merchant').forEach(function (item) {
    var lat = parseFloat(item.dataset.lat);
    var lon = parseFloat(item.dataset.lon);
    if (isNaN(lat) || isNaN(lon)) {
      return;
    }
    var popup = document.createElement('div');
    var name = document.createElement('strong');
    name.textContent = item.dataset.name;
    var place = document.createElement('div');
    place.textContent = item.dataset.commune;
    popup.appendChild(name);
    popup.appendChild(place);
    L.marker([lat, lon], { title: item.dataset.name, alt: item.dataset.name }).bindPopup(popup).addTo(map);
    points.push([lat, lon]);
  });
  if (points.length === 1) {
    map.setView(points[0], 15);
  } else {
    map.fitBounds(points, { padding: [24, 24], maxZoom: 15 });
  }
});
