"""Django and the tests find every model of every feature in ``vetnet_plugin.models``."""
from django.apps import apps

from vetnet_plugin import models


def test_the_model_registry_names_every_model_of_the_app():
    registered = {model.__name__ for model in apps.get_app_config("vetnet").get_models()}
    assert registered == set(models.__all__)
    assert all(getattr(models, name)._meta.app_label == "vetnet" for name in models.__all__)
