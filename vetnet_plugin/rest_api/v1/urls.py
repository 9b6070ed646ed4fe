"""Version 1 of the VETNet REST API: one URL module per feature."""
from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from .best_practices.urls import urlpatterns as best_practice_urlpatterns
from .counselling.urls import urlpatterns as counselling_urlpatterns
from .discussions.urls import urlpatterns as discussion_urlpatterns
from .hub.urls import urlpatterns as hub_urlpatterns
from .members.urls import urlpatterns as member_urlpatterns
from .partnerships.urls import urlpatterns as partnership_urlpatterns
from .policy.urls import urlpatterns as policy_urlpatterns
from .privacy.urls import urlpatterns as privacy_urlpatterns
from .scenarios.urls import urlpatterns as scenario_urlpatterns
from .toolbox.urls import urlpatterns as toolbox_urlpatterns
from .workspaces.urls import urlpatterns as workspace_urlpatterns

urlpatterns = [
    *member_urlpatterns,
    *discussion_urlpatterns,
    *scenario_urlpatterns,
    *toolbox_urlpatterns,
    *best_practice_urlpatterns,
    *privacy_urlpatterns,
    *counselling_urlpatterns,
    *workspace_urlpatterns,
    *policy_urlpatterns,
    *partnership_urlpatterns,
    *hub_urlpatterns,
    path("schema/", SpectacularAPIView.as_view(urlconf="vetnet_plugin.rest_api.schema_urls"), name="schema"),
]
