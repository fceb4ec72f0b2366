from django.urls import reverse


def add_url(model_name, parent):
    return reverse("wagtailadmin_pages:add", args=("avp_wagtail", model_name, parent.pk))


def publish(client, model_name, parent, data):
    return client.post(add_url(model_name, parent), {**data, "action-publish": "action-publish"})
