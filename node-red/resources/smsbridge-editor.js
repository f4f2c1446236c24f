/* Shared by the smsbridge node dialogs: every form is drawn from the vendor registry's descriptors (GET smsbridge/vendors). */
(function () {
  'use strict';
  if (window.SmsBridgeEditor) return;

  var CONFIG_TYPES = ['smsbridge-gateway', 'smsbridge-modem'];
  var catalog;

  function vendors() {
    if (!catalog) {
      catalog = $.getJSON('smsbridge/vendors').fail(function () {
        catalog = undefined;
      });
    }
    return catalog;
  }

  function vendor(list, key) {
    for (var i = 0; i < list.length; i++) if (list[i].key === key) return list[i];
    return undefined;
  }

  /** The gateway key behind a config node id ('modem' for a modem config node). */
  function gatewayOf(configId) {
    var config = configId ? RED.nodes.node(configId) : null;
    if (!config) return undefined;
    return config.type === 'smsbridge-modem' ? 'modem' : config.gateway;
  }

  function inputId(prefix, field) {
    return prefix + '-' + field.name.replace(/[^A-Za-z0-9_-]/g, '_');
  }

  /** One form row per field descriptor, with its description as a tooltip and a hint line. */
  function renderFields(container, fields, values, prefix) {
    container.empty();
    values = values || {};
    fields.forEach(function (field) {
      var id = inputId(prefix, field);
      var row = $('<div class="form-row smsbridge-field"></div>').appendTo(container);
      var label = $('<label></label>').attr('for', id).attr('title', field.description).text(field.displayName + (field.required ? ' *' : ''));
      var value = values[field.name] !== undefined ? values[field.name] : '';
      var input;
      if (field.type === 'boolean') {
        label.appendTo(row);
        input = $('<input type="checkbox" style="width:auto; margin-left:0">').attr('id', id).appendTo(row);
        var checked = values[field.name] !== undefined ? values[field.name] === true || values[field.name] === 'true' : field['default'] === true;
        input.prop('checked', checked);
      } else if (field.type === 'choice') {
        label.appendTo(row);
        input = $('<select style="width:70%"></select>').attr('id', id).appendTo(row);
        $('<option value=""></option>').text(field['default'] !== undefined ? '(default: ' + field['default'] + ')' : '').appendTo(input);
        (field.choices || []).forEach(function (choice) {
          $('<option></option>').val(choice.value).text(choice.name).attr('title', choice.description || '').appendTo(input);
        });
        input.val(String(value));
      } else if (field.type === 'json') {
        label.appendTo(row);
        input = $('<textarea rows="2" style="width:70%; font-family:monospace"></textarea>').attr('id', id).appendTo(row);
        input.val(typeof value === 'string' ? value : JSON.stringify(value));
      } else {
        label.appendTo(row);
        input = $('<input type="text" style="width:70%">').attr('id', id).appendTo(row);
        if (field.type === 'number') input.attr('type', 'number').attr('min', field.min).attr('max', field.max);
        if (field.secret) input.attr('type', 'password');
        var placeholder = field.placeholder || (field['default'] !== undefined ? String(field['default']) : field.type === 'list' ? 'a, b, c' : '');
        input.attr('placeholder', placeholder);
        input.val(Array.isArray(value) ? value.join(', ') : String(value));
      }
      input.attr('data-smsbridge-field', field.name);
      $('<div class="form-tips smsbridge-hint" style="margin-left:105px; max-width:70%"></div>').text(field.description).appendTo(row);
    });
  }

  /** The values typed in fields drawn by renderFields: blanks left out, a checkbox only when it differs from its default. */
  function readFields(container, fields, prefix) {
    var values = {};
    fields.forEach(function (field) {
      var input = container.find('#' + inputId(prefix, field));
      if (!input.length) return;
      if (field.type === 'boolean') {
        var on = input.prop('checked');
        if (on !== (field['default'] === true)) values[field.name] = on;
        return;
      }
      var text = String(input.val() || '').trim();
      if (text !== '') values[field.name] = text;
    });
    return values;
  }

  /** The node's `gateway` select: every smsbridge gateway and modem configuration, plus ways to add one. */
  function configSelect(select, current, onChange) {
    function fill() {
      if (!document.body.contains(select[0])) return dispose();
      populate();
    }
    function populate() {
      var chosen = select.val() || current;
      select.empty();
      $('<option value=""></option>').text('— choose a gateway or modem —').appendTo(select);
      RED.nodes.eachConfig(function (config) {
        if (CONFIG_TYPES.indexOf(config.type) === -1) return;
        var label = config.name || (config.type === 'smsbridge-modem' ? 'modem ' + (config.port || '') : (config.gateway || '') + ' ' + (config.url || ''));
        $('<option></option>').val(config.id).text(label).appendTo(select);
      });
      $('<option value="_ADD_smsbridge-gateway"></option>').text('Add new gateway…').appendTo(select);
      $('<option value="_ADD_smsbridge-modem"></option>').text('Add new modem…').appendTo(select);
      select.val(chosen && select.find('option[value="' + chosen + '"]').length ? chosen : '');
    }
    // The dialog's select leaves the page when it closes; the listeners then remove themselves.
    // (While a config dialog is stacked on top, Node-RED detaches this dialog's tray too: that is
    // no close, so only 'editor:close', sent once every tray is closed, disposes.)
    function dispose() {
      RED.events.off('editor:close', fill);
      RED.events.off('editor:change', back);
      RED.events.off('nodes:add', added);
    }
    populate();
    select.on('focus', populate);
    select.on('change', function () {
      var value = select.val() || '';
      if (value.indexOf('_ADD_') === 0) {
        var type = value.slice(5);
        select.val(current || '');
        RED.editor.editConfig('', type, '_ADD_', 'node-input-smsbridge');
        return;
      }
      current = value;
      if (onChange) onChange(value);
    });
    // A config node added ("Add new gateway…") is chosen once this dialog is back on the page.
    var pending;
    function added(node) {
      if (CONFIG_TYPES.indexOf(node.type) === -1) return;
      pending = node.id;
      back();
    }
    function back() {
      if (!pending || !document.body.contains(select[0])) return;
      var id = pending;
      pending = undefined;
      current = id;
      populate();
      select.val(id);
      if (onChange) onChange(id);
    }
    RED.events.on('editor:close', fill);
    RED.events.on('editor:change', back);
    RED.events.on('nodes:add', added);
    return dispose;
  }

  /** The Test connection button: verifies the values in the open dialog (stored secrets are used as they are). */
  function testButton(button, result, collect) {
    button.on('click', function (event) {
      event.preventDefault();
      result.removeClass('smsbridge-ok smsbridge-failed').text('Testing…');
      $.ajax({ url: 'smsbridge/verify', method: 'POST', contentType: 'application/json', data: JSON.stringify(collect()) })
        .done(function (answer) {
          var ok = answer.status === 'verified' || answer.status === 'unverifiable';
          result.addClass(ok ? 'smsbridge-ok' : 'smsbridge-failed').css('color', ok ? '#2a7a2a' : '#b00').text((answer.status === 'verified' ? '✔ ' : ok ? 'ℹ ' : '✘ ') + answer.message);
        })
        .fail(function (xhr) {
          result.addClass('smsbridge-failed').css('color', '#b00').text('✘ ' + (xhr.responseText || xhr.statusText));
        });
    });
  }

  /*
   * A node's `gateway` may name either config type, which Node-RED's typed config properties
   * cannot express, so the editor would count no users of our config nodes (and offer to delete
   * them as unused). Their `users` are kept here instead, whenever nodes are added, changed,
   * removed or loaded.
   */
  var USER_TYPES = ['sms-send', 'sms-in', 'sms-status', 'sms-ussd', 'sms-admin'];

  function unlink(node) {
    RED.nodes.eachConfig(function (config) {
      if (CONFIG_TYPES.indexOf(config.type) === -1 || !config.users) return;
      var index = config.users.indexOf(node);
      if (index !== -1) config.users.splice(index, 1);
    });
  }

  function link(node) {
    if (USER_TYPES.indexOf(node.type) === -1) return;
    unlink(node);
    var config = node.gateway ? RED.nodes.node(node.gateway) : null;
    if (config && CONFIG_TYPES.indexOf(config.type) !== -1) {
      config.users = config.users || [];
      config.users.push(node);
    }
  }

  function relinkAll() {
    RED.nodes.eachNode(link);
  }

  RED.events.on('nodes:add', function (node) {
    if (CONFIG_TYPES.indexOf(node.type) !== -1) relinkAll();
    else link(node);
  });
  RED.events.on('nodes:change', link);
  RED.events.on('nodes:remove', function (node) {
    if (USER_TYPES.indexOf(node.type) !== -1) unlink(node);
  });
  RED.events.on('flows:loaded', relinkAll);

  window.SmsBridgeEditor = { vendors: vendors, vendor: vendor, gatewayOf: gatewayOf, renderFields: renderFields, readFields: readFields, configSelect: configSelect, testButton: testButton };
})();
