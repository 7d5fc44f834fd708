[
  {
    "name": "template",
    "image": "${image}",
    "memory": 256,
    "environment": [{"name": "TAG", "value": "${tag}"}],
    "privileged": true
  }
]
