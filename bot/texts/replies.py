"""Short answers the Telegram handlers give readers (the longer texts have their own modules:
ask, info, onboarding, settings, understood): each a named msgid translated where it is said."""

from __future__ import annotations

from bot.world import N_

SUBSCRIBE_FIRST = N_("Press /start to subscribe first.")
PREVIEW_NOT_COUNTED = N_("This is a preview: presses are not counted.")
OUT_OF_DATE = N_("This button is out of date. Use /start or /settings.")
ACK_THANKS = N_("Thank you. The embassy sees how many people pressed it, never who.")
PIN_IS_THE_CITY = N_("the pin shows the city, not the building")
WHERE_ARE_YOU = N_(
    "Where are you now? Share your location or choose your region. Your location is not saved."
)
CHOOSE_REGION = N_("Choose your region:")
NOT_A_PLACE = N_("This does not look like a real place. Choose your region:")
SHARE_CONTACTS = N_("Send these contacts to a friend who works in Russia:")
SAVE_REGION_NEXT_TIME = N_("Save this region for next time?")
SOMETHING_WENT_WRONG = N_("Something went wrong. Please try again.")
USE_BUTTONS = N_("Use the buttons below, or /help.")
BACK_TO_MENU = N_("Back to the menu")
GET_IN_TELEGRAM = N_("Get these warnings in Telegram")
IN_FORCE = N_("Advisories in force for your country:")
EARLIER_WARNINGS = N_("Earlier warnings (more than a year old, shown with their date):")
NO_LONGER_IN_FORCE = N_("This advisory is no longer in force.")
BEING_CHECKED = N_(
    "{topic}: this information is being checked against official sources and will "
    "appear here soon."
)
LEGAL_WARNINGS = N_("Legal warnings")
NOT_SUBSCRIBED = N_("You are not subscribed. Press /start to subscribe.")
NOTHING_DELETED = N_("Nothing was deleted.")
OFFER_SENT = N_("Sent to your embassy without your name. Thank you.")
NOTHING_SENT = N_("Nothing was sent.")
CHOOSE_LANGUAGE = N_("Choose your language:")
WHICH_CITIZENSHIP = N_("Which country are you a citizen of?")
SAVED = N_("Saved.")
NO_LONGER_AVAILABLE = N_("This advisory is no longer available.")
SUBSCRIBE = N_("Subscribe")
OFFER_SUBSCRIPTION = N_("Get your embassy's advisories here as soon as they are published?")
UNKNOWN_COMMAND = N_("I don't know this command. See /help.")
NO = N_("No")
YES_SEND_IT = N_("Yes, send it")
ANOTHER_LANGUAGE = N_("Another language?")
EMBASSY_IN_LANGUAGE = N_(
    "{country}: the embassy in Russia — its phones and warnings, in your language:"
)
