from rest_framework import generics

from agreements.api.serializers import AgreementSerializer
from agreements.selectors import agreement_list


class AgreementListView(generics.ListAPIView):
    serializer_class = AgreementSerializer

    def get_queryset(self):
        # Built per request so that the active language applies to translated fields.
        return agreement_list()


class AgreementDetailView(generics.RetrieveAPIView):
    serializer_class = AgreementSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return agreement_list()
