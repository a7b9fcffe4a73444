import pytest

from agreements.models import Agreement


@pytest.mark.django_db
def test_minimal_loads(load):
    report = load()
    assert report.created["agreement"] == 1
    agreement = Agreement.objects.get(slug="mistral-mou")
    assert agreement.signatories.count() == 2
