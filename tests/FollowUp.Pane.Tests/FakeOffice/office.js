// A stand-in for Outlook's Office.js (shapes from the Office.js reference), served in place of the CDN script.
// window.__officeSetup (set by the test before the page loads) picks the surface; every host call is recorded on
// window.__officeCalls as { name, args } with plain-JSON arguments.
(function () {
  "use strict";
  var setup = window.__officeSetup || {};
  var calls = (window.__officeCalls = []);
  function record(name, args) {
    calls.push({ name: name, args: JSON.parse(JSON.stringify(args === undefined ? null : args)) });
  }

  var AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" };
  var CoercionType = { Html: "html", Text: "text", Matrix: "matrix", Table: "table", Image: "image", Ooxml: "ooxml" };
  var MailboxEnums = {
    ItemType: { Message: "message", Appointment: "appointment" },
    RestVersion: { v1_0: "v1.0", v2_0: "v2.0", Beta: "beta" },
    RecipientType: { DistributionList: "distributionList", User: "user", ExternalUser: "externalUser", Other: "other" },
    ResponseType: { None: "none", Organizer: "organizer", Tentative: "tentative", Accepted: "accepted", Declined: "declined" },
    EntityType: {}, ItemNotificationMessageType: {}, AttachmentType: { File: "file", Item: "item", Cloud: "cloud" },
  };

  // Office async methods take (args..., [options], [callback]); the callback gets an AsyncResult.
  function finish(args, value, error) {
    var callback = typeof args[args.length - 1] === "function" ? args[args.length - 1] : null;
    var options = args.length > 1 && typeof args[args.length - 2] === "object" ? args[args.length - 2] : null;
    if (!callback) return;
    var result = error
      ? { status: AsyncResultStatus.Failed, value: undefined, error: { name: error, message: error, code: 9000 }, asyncContext: options && options.asyncContext }
      : { status: AsyncResultStatus.Succeeded, value: value, error: undefined, asyncContext: options && options.asyncContext };
    setTimeout(function () { callback(result); }, 0);
  }
  function details(person, response) {
    return { displayName: person.name, emailAddress: person.email, appointmentResponse: response || "accepted", recipientType: "user" };
  }
  function asyncSlice(label, state) {
    return {
      getAsync: function () { record(label + ".getAsync", []); finish(arguments, state.value); },
      setAsync: function (value) { record(label + ".setAsync", [value]); state.value = value; finish(arguments); },
    };
  }
  function recipients(label, list) {
    return {
      getAsync: function () { record(label + ".getAsync", []); finish(arguments, list.slice()); },
      setAsync: function (value) { record(label + ".setAsync", [value]); list.splice(0, list.length); addAll(list, value); finish(arguments); },
      addAsync: function (value) { record(label + ".addAsync", [value]); addAll(list, value); finish(arguments); },
    };
  }
  function addAll(list, value) {
    (value || []).forEach(function (v) {
      list.push(typeof v === "string" ? { displayName: v, emailAddress: v, recipientType: "other" }
        : { displayName: v.displayName, emailAddress: v.emailAddress, recipientType: "user" });
    });
  }

  function appointmentItem(a) {
    return {
      itemType: MailboxEnums.ItemType.Appointment,
      itemId: a.itemId,
      itemClass: "IPM.Appointment",
      subject: a.subject,
      start: new Date(a.start),
      end: new Date(a.end),
      location: a.location || "",
      organizer: details(a.organizer, "organizer"),
      requiredAttendees: (a.required || []).map(function (p) { return details(p); }),
      optionalAttendees: (a.optional || []).map(function (p) { return details(p); }),
      normalizedSubject: a.subject,
      body: {
        getAsync: function (coercion) { record("item.body.getAsync", [coercion]); finish(arguments, a.body || ""); },
        getTypeAsync: function () { record("item.body.getTypeAsync", []); finish(arguments, CoercionType.Html); },
      },
    };
  }

  function composeItem(c) {
    var body = { value: c.body || "<p></p>", type: c.bodyType || CoercionType.Html };
    var subject = { value: c.subject || "" };
    var to = [];
    addAll(to, c.to || []);
    return {
      itemType: MailboxEnums.ItemType.Message,
      itemId: undefined,
      subject: asyncSlice("item.subject", subject),
      to: recipients("item.to", to),
      cc: recipients("item.cc", []),
      bcc: recipients("item.bcc", []),
      body: {
        getAsync: function (coercion) { record("item.body.getAsync", [coercion]); finish(arguments, body.value); },
        getTypeAsync: function () { record("item.body.getTypeAsync", []); finish(arguments, body.type); },
        setAsync: function (data, options) { record("item.body.setAsync", [data, options]); body.value = data; finish(arguments); },
        setSelectedDataAsync: function (data, options) {
          record("item.body.setSelectedDataAsync", [data, options && typeof options === "object" ? { coercionType: options.coercionType } : null]);
          body.value += data;
          finish(arguments);
        },
        prependAsync: function (data, options) { record("item.body.prependAsync", [data, options]); finish(arguments); },
      },
    };
  }

  var mailboxVersion = setup.mailboxVersion || "1.9";
  function atLeast(have, want) {
    var a = String(have).split("."), b = String(want || "1.1").split(".");
    for (var i = 0; i < Math.max(a.length, b.length); i++) {
      var x = +(a[i] || 0), y = +(b[i] || 0);
      if (x !== y) return x > y;
    }
    return true;
  }

  var item = setup.appointment ? appointmentItem(setup.appointment) : setup.compose ? composeItem(setup.compose) : null;
  var mailbox = {
    item: item,
    userProfile: {
      displayName: (setup.user && setup.user.name) || "Casey Candidate",
      emailAddress: (setup.user && setup.user.email) || "casey@example.com",
      timeZone: "UTC",
      accountType: "enterprise",
    },
    diagnostics: { hostName: "Outlook", hostVersion: "16.0.0.0", OWAView: "ThreeColumns" },
    restUrl: "https://outlook.office.com/api",
    ewsUrl: "https://outlook.office365.com/EWS/Exchange.asmx",
    // Exchange ids become REST ids by URL-safe base64: '/' to '-', '+' to '_'.
    convertToRestId: function (id, version) {
      record("mailbox.convertToRestId", [id, version]);
      return String(id).replace(/\//g, "-").replace(/\+/g, "_");
    },
    convertToEwsId: function (id) { return String(id).replace(/-/g, "/").replace(/_/g, "+"); },
    displayNewMessageForm: function (parameters) { record("mailbox.displayNewMessageForm", [parameters]); },
    displayNewMessageFormAsync: function (parameters) {
      record("mailbox.displayNewMessageFormAsync", [parameters]);
      finish(arguments);
    },
    displayAppointmentForm: function (id) { record("mailbox.displayAppointmentForm", [id]); },
    getCallbackTokenAsync: function () { finish(arguments, null, "GenericTokenError"); },
    addHandlerAsync: function () { finish(arguments); },
  };
  if (!atLeast(mailboxVersion, "1.9")) delete mailbox.displayNewMessageFormAsync;

  var context = {
    mailbox: mailbox,
    displayLanguage: "en-US",
    contentLanguage: "en-US",
    officeTheme: setup.theme || undefined,
    diagnostics: { host: "Outlook", platform: "OfficeOnline", version: "16.0.0.0" },
    requirements: {
      isSetSupported: function (name, version) {
        if (name === "Mailbox") return atLeast(mailboxVersion, version);
        if (name === "NestedAppAuth") return !!setup.nestedAppAuth;
        if (name === "IdentityAPI") return true;
        return false;
      },
    },
  };

  var ready = new Promise(function (resolve) {
    setTimeout(function () { resolve({ host: "Outlook", platform: "OfficeOnline" }); }, 5);
  });
  window.Office = {
    AsyncResultStatus: AsyncResultStatus,
    CoercionType: CoercionType,
    MailboxEnums: MailboxEnums,
    HostType: { Outlook: "Outlook", Word: "Word", Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    EventType: { ItemChanged: "olkItemSelectedChanged" },
    context: context,
    auth: {
      getAccessToken: function () { record("auth.getAccessToken", []); return Promise.reject({ code: 13003, message: "SSO is not supported in this test host." }); },
    },
    onReady: function (callback) {
      if (callback) ready.then(callback);
      return ready;
    },
    initialize: undefined,
  };
})();
