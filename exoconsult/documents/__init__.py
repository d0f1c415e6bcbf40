"""PDF rendering (reportlab) and sealing/validation (pyHanko). The only package importing either.

Public entry points (import the module you need; pyHanko is heavy, so nothing is imported here):

* ``model`` / ``labels``: frozen, fully resolved render input filled by the services layer.
* ``consent_pdf.render_consent_pdf``, ``withdrawal_pdf.render_withdrawal_pdf``,
  ``info_pack.render_information_pack_pdf``, ``assessment_pdf.render_assessment_pdf``: model -> bytes.
* ``canonical.content_hash``: SHA-256 of the model's canonical JSON (printed in the QR code).
* ``keys``: the clinic's EC P-256 seal identity; ``seal``: PAdES seal and offline validation.
* ``escape``: the single gate between untrusted text and reportlab markup (SEC-3).
"""
