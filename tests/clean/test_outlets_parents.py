"""Copyright holders that are the company behind one site name that site, never themselves."""

from storytrace.clean.outlets import outlets_of_holder


def test_company_of_one_site_gives_that_site() -> None:
    sites = outlets_of_holder("Axios Media")
    assert [site.name for site in sites] == ["Axios"]
