"""The host's URLs and the bare reference view: one indexed query for a page of 20."""
from django.http import JsonResponse
from django.urls import include, path

from vetnet_plugin.models import BestPractice, Resource


def bare_page(request):
    """The yardstick: a Django view doing one indexed query for a page of 20, as JSON."""
    rows = list(Resource.objects.order_by("-created", "-id").values("uuid", "title", "created")[:20])
    return JsonResponse({"results": rows})


def bare_practices(request):
    """The best-practice track's yardstick: one indexed query for a page of 20 graded practices, as JSON."""
    rows = list(BestPractice.objects.filter(assignment__usage_key=request.GET.get("usage_key", ""), status="graded")
                .order_by("submitted", "id").values("uuid", "title", "submitted", "score")[:20])
    return JsonResponse({"results": rows})


urlpatterns = [path("bench/bare/", bare_page), path("bench/bare-practices/", bare_practices),
               path("", include("devhost.urls"))]
