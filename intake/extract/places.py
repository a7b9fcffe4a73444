"""Cities and countries the extractor recognises, with their country codes.

A place is proposed only where the text names it; this table says which country a city
is in. Moroccan cities first (the tracker's own ground), then the capitals and hosts of
the fairs and summits its partners meet at. Cities of events in the gazetteer are added
at run time.
"""

from __future__ import annotations

from dataclasses import dataclass

from intake.extract.text import normalize


@dataclass(frozen=True)
class Place:
    names: tuple[str, ...]  # Arabic and Latin spellings
    country: str  # ISO 3166-1 alpha-2
    is_country: bool = False


CITIES = (
    Place(("الرباط", "Rabat"), "MA"),
    Place(("الدار البيضاء", "الدارالبيضاء", "Casablanca"), "MA"),
    Place(("مراكش", "Marrakech", "Marrakesh"), "MA"),
    Place(("طنجة", "Tanger", "Tangier"), "MA"),
    Place(("فاس", "Fès", "Fes", "Fez"), "MA"),
    Place(("مكناس", "Meknès", "Meknes"), "MA"),
    Place(("أكادير", "اكادير", "Agadir"), "MA"),
    Place(("وجدة", "Oujda"), "MA"),
    Place(("تطوان", "Tétouan", "Tetouan"), "MA"),
    Place(("القنيطرة", "Kénitra", "Kenitra"), "MA"),
    Place(("العيون", "Laâyoune", "Laayoune"), "MA"),
    Place(("الداخلة", "Dakhla"), "MA"),
    Place(("بن جرير", "Benguerir", "Ben Guerir"), "MA"),
    Place(("إفران", "Ifrane"), "MA"),
    Place(("الصخيرات", "Skhirat"), "MA"),
    Place(("الجديدة", "El Jadida"), "MA"),
    Place(("آسفي", "Safi"), "MA"),
    Place(("بني ملال", "Béni Mellal", "Beni Mellal"), "MA"),
    Place(("الحسيمة", "Al Hoceima"), "MA"),
    Place(("الناظور", "Nador"), "MA"),
    Place(("ورزازات", "Ouarzazate"), "MA"),
    Place(("الدوحة", "Doha"), "QA"),
    Place(("نيويورك", "New York"), "US"),
    Place(("واشنطن", "Washington"), "US"),
    Place(("سان فرانسيسكو", "San Francisco"), "US"),
    Place(("لاس فيغاس", "Las Vegas"), "US"),
    Place(("باريس", "Paris"), "FR"),
    Place(("ليون", "Lyon"), "FR"),
    Place(("مرسيليا", "Marseille"), "FR"),
    Place(("الرياض", "Riyad", "Riyadh"), "SA"),
    Place(("جدة", "Djeddah", "Jeddah"), "SA"),
    Place(("دبي", "Dubaï", "Dubai"), "AE"),
    Place(("أبوظبي", "أبو ظبي", "Abou Dhabi", "Abu Dhabi"), "AE"),
    Place(("المنامة", "Manama"), "BH"),
    Place(("مسقط", "Mascate", "Muscat"), "OM"),
    Place(("عمان", "Amman"), "JO"),
    Place(("القاهرة", "Le Caire", "Cairo"), "EG"),
    Place(("تونس العاصمة", "Tunis"), "TN"),
    Place(("نواكشوط", "Nouakchott"), "MR"),
    Place(("داكار", "Dakar"), "SN"),
    Place(("أبيدجان", "Abidjan"), "CI"),
    Place(("ياوندي", "Yaoundé", "Yaounde"), "CM"),
    Place(("كيغالي", "Kigali"), "RW"),
    Place(("نيروبي", "Nairobi"), "KE"),
    Place(("أديس أبابا", "Addis-Abeba", "Addis Ababa"), "ET"),
    Place(("لاغوس", "Lagos"), "NG"),
    Place(("أبوجا", "Abuja"), "NG"),
    Place(("جوهانسبرغ", "Johannesburg"), "ZA"),
    Place(("جنيف", "Genève", "Geneva"), "CH"),
    Place(("دافوس", "Davos"), "CH"),
    Place(("بروكسل", "Bruxelles", "Brussels"), "BE"),
    Place(("لندن", "Londres", "London"), "GB"),
    Place(("مدريد", "Madrid"), "ES"),
    Place(("برشلونة", "Barcelone", "Barcelona"), "ES"),
    Place(("لشبونة", "Lisbonne", "Lisbon"), "PT"),
    Place(("روما", "Rome"), "IT"),
    Place(("برلين", "Berlin"), "DE"),
    Place(("أمستردام", "Amsterdam"), "NL"),
    Place(("إسطنبول", "اسطنبول", "Istanbul"), "TR"),
    Place(("أنقرة", "Ankara"), "TR"),
    Place(("بكين", "Pékin", "Beijing"), "CN"),
    Place(("شنغهاي", "Shanghai"), "CN"),
    Place(("طوكيو", "Tokyo"), "JP"),
    Place(("سيول", "Séoul", "Seoul"), "KR"),
    Place(("سنغافورة", "Singapour", "Singapore"), "SG"),
    Place(("مونتريال", "Montréal", "Montreal"), "CA"),
    Place(("أوتاوا", "Ottawa"), "CA"),
    Place(("بنما", "Panama"), "PA"),
    Place(("باكو", "Bakou", "Baku"), "AZ"),
)

COUNTRIES = (
    Place(("المغرب", "المملكة المغربية", "Maroc", "Morocco"), "MA", True),
    Place(("قطر", "دولة قطر", "Qatar"), "QA", True),
    Place(("الكويت", "دولة الكويت", "Koweït", "Kuwait"), "KW", True),
    Place(("السعودية", "المملكة العربية السعودية", "Arabie saoudite", "Saudi Arabia"), "SA", True),
    Place(("الإمارات", "الإمارات العربية المتحدة", "Émirats arabes unis", "UAE"), "AE", True),
    Place(("فرنسا", "France"), "FR", True),
    Place(("إسبانيا", "Espagne", "Spain"), "ES", True),
    Place(("الولايات المتحدة", "États-Unis", "United States"), "US", True),
    Place(("الكاميرون", "Cameroun", "Cameroon"), "CM", True),
    Place(("مصر", "Égypte", "Egypt"), "EG", True),
    Place(("تونس", "Tunisie", "Tunisia"), "TN", True),
    Place(("موريتانيا", "Mauritanie", "Mauritania"), "MR", True),
    Place(("السنغال", "Sénégal", "Senegal"), "SN", True),
    Place(("الصين", "Chine", "China"), "CN", True),
    Place(("اليابان", "Japon", "Japan"), "JP", True),
    Place(("ألمانيا", "Allemagne", "Germany"), "DE", True),
    Place(("المملكة المتحدة", "Royaume-Uni", "United Kingdom"), "GB", True),
    Place(("البحرين", "Bahreïn", "Bahrain"), "BH", True),
    Place(("الأردن", "Jordanie", "Jordan"), "JO", True),
    Place(("رواندا", "Rwanda"), "RW", True),
    Place(("كينيا", "Kenya"), "KE", True),
    Place(("نيجيريا", "Nigeria"), "NG", True),
    Place(("كوت ديفوار", "Côte d'Ivoire"), "CI", True),
    Place(("الهند", "Inde", "India"), "IN", True),
    Place(("كوريا", "Corée", "Korea"), "KR", True),
    Place(("كندا", "Canada"), "CA", True),
    Place(("إيطاليا", "Italie", "Italy"), "IT", True),
    Place(("البرتغال", "Portugal"), "PT", True),
    Place(("تركيا", "Turquie", "Turkey"), "TR", True),
    Place(("سويسرا", "Suisse", "Switzerland"), "CH", True),
    Place(("بلجيكا", "Belgique", "Belgium"), "BE", True),
    Place(("هولندا", "Pays-Bas", "Netherlands"), "NL", True),
    Place(("إستونيا", "Estonie", "Estonia"), "EE", True),
    Place(("سنغافورة", "Singapour", "Singapore"), "SG", True),
)


def place_index(places: tuple[Place, ...]) -> dict[tuple[str, ...], Place]:
    """Normalized token tuples of every spelling → the place."""
    index = {}
    for place in places:
        for name in place.names:
            index[tuple(normalize(name).replace("-", " ").split())] = place
    return index
