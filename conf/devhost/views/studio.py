"""The course team's side: a block's Studio editor and its OLX export."""
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import ensure_csrf_cookie
from web_fragments.fragment import Fragment

from ..field_store import usage_exists
from ..olx import export_block
from ..runtime import HostRuntime
from .access import course_page


def _studio_block(request, course, block_type, block_id):
    runtime = HostRuntime(course_key=course.course_key, user=request.user, studio=True)
    usage_key = runtime.course_key.make_usage_key(block_type, block_id)
    if not usage_exists(usage_key):
        raise Http404("No such block")
    return runtime, runtime.get_block(usage_key)


@ensure_csrf_cookie
@course_page(course_team_only=True)
def studio_block(request, course, block_type, block_id):
    """The block's ``studio_view``, saving through its own handler, and its OLX."""
    _runtime, block = _studio_block(request, course, block_type, block_id)
    has_editor = callable(getattr(block, "studio_view", None))
    fragment = block.render("studio_view", context={}) if has_editor else Fragment()
    parent = block.parent
    return render(request, "devhost/studio_block.html", {
        "course": course,
        "usage_key": block.scope_ids.usage_id,
        "block_type": block_type,
        "block_id": block_id,
        "unit_id": parent.block_id if parent is not None and parent.block_type == "vertical" else "",
        "display_name": getattr(block, "display_name", "") or block_type,
        "has_editor": has_editor,
        "editor_html": fragment.body_html(),
        "head_html": fragment.head_html(),
        "foot_html": fragment.foot_html(),
        "olx": export_block(block),
        "handler_base_url": "/studio/xblock/handler/",
    })


@course_page(course_team_only=True)
def export_olx(request, course, block_type, block_id):
    """The block as an OLX file, as a Studio export would write it."""
    _runtime, block = _studio_block(request, course, block_type, block_id)
    response = HttpResponse(export_block(block), content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{block_type}-{block_id}.xml"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
