// "Centres nearest to me": only shown when the browser can locate; without it, search by name.
(function () {
  var button = document.getElementById("near-button");
  if (!button || !navigator.geolocation) return;
  var status = document.getElementById("near-status");
  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = button.dataset.locating || "…";
    navigator.geolocation.getCurrentPosition(function (position) {
      document.getElementById("near-lat").value = position.coords.latitude.toFixed(5);
      document.getElementById("near-lng").value = position.coords.longitude.toFixed(5);
      document.getElementById("near-form").submit();
    }, function () {
      status.textContent = button.dataset.denied || "";
    }, { timeout: 10000 });
  });
})();
