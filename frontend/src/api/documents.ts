// The GraphQL documents the UI sends, one file each (validated against the schema in tests).
import acknowledgeReferral from "./documents/acknowledgeReferral.graphql?raw";
import addToShortlist from "./documents/addToShortlist.graphql?raw";
import assetsNear from "./documents/assetsNear.graphql?raw";
import confirmStillCorrect from "./documents/confirmStillCorrect.graphql?raw";
import connection from "./documents/connection.graphql?raw";
import createReferral from "./documents/createReferral.graphql?raw";
import createShortlist from "./documents/createShortlist.graphql?raw";
import decide from "./documents/decide.graphql?raw";
import decideClaim from "./documents/decideClaim.graphql?raw";
import editableOffering from "./documents/editableOffering.graphql?raw";
import egoNetwork from "./documents/egoNetwork.graphql?raw";
import lookup from "./documents/lookup.graphql?raw";
import me from "./documents/me.graphql?raw";
import moderationQueue from "./documents/moderationQueue.graphql?raw";
import myOfferings from "./documents/myOfferings.graphql?raw";
import offering from "./documents/offering.graphql?raw";
import referrals from "./documents/referrals.graphql?raw";
import registerOffering from "./documents/registerOffering.graphql?raw";
import reject from "./documents/reject.graphql?raw";
import reportProblem from "./documents/reportProblem.graphql?raw";
import resolveReport from "./documents/resolveReport.graphql?raw";
import relationshipMap from "./documents/relationshipMap.graphql?raw";
import serviceDetail from "./documents/serviceDetail.graphql?raw";
import sharedShortlist from "./documents/sharedShortlist.graphql?raw";
import similarListings from "./documents/similarListings.graphql?raw";
import updateOffering from "./documents/updateOffering.graphql?raw";
import updateReferralStatus from "./documents/updateReferralStatus.graphql?raw";
import withdrawShortlist from "./documents/withdrawShortlist.graphql?raw";

export const documents = {
  acknowledgeReferral,
  addToShortlist,
  assetsNear,
  confirmStillCorrect,
  connection,
  createReferral,
  createShortlist,
  decide,
  decideClaim,
  editableOffering,
  egoNetwork,
  lookup,
  me,
  moderationQueue,
  myOfferings,
  offering,
  referrals,
  registerOffering,
  reject,
  reportProblem,
  resolveReport,
  relationshipMap,
  serviceDetail,
  sharedShortlist,
  similarListings,
  updateOffering,
  updateReferralStatus,
  withdrawShortlist,
} as const;
